/**
 * The fields every unified record carries: Concord's own prefixed id, the system it came from
 * (the merchant's name for that connection, e.g. "shopify"), the id it has there, when it last
 * changed there, and — only when asked with `expand=raw` — the vendor's own payload.
 */
import { z } from 'zod';

export const Timestamp = z.iso.datetime({ offset: true }).meta({ example: '2026-11-26T12:00:00Z' });

export const RecordBase = z.object({
  id: z.string().describe("Concord's id for this record, prefixed by its kind"),
  system: z.string().describe('Name of the merchant system this record came from'),
  external_id: z.string().describe('Id of the record in that system'),
  updated_at: Timestamp.describe('When the record last changed in its system'),
  raw: z.unknown().optional().describe('The vendor payload behind this record; only with `expand=raw`'),
});
export type RecordBase = z.infer<typeof RecordBase>;

export const Measurement = z.object({ value: z.number().nonnegative(), unit: z.string() }).strict();
export type Measurement = z.infer<typeof Measurement>;
