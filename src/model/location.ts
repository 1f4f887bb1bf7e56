/** A place stock is kept: warehouse, store, third-party logistics or drop-shipper. */
import { z } from 'zod';
import { Address } from './address.js';
import { RecordBase } from './record.js';

export const LocationKind = z.enum(['warehouse', 'store', '3pl', 'drop_ship']);

export const Location = RecordBase.extend({
  name: z.string(),
  kind: LocationKind,
  active: z.boolean(),
  fulfills_online_orders: z.boolean(),
  address: Address.partial().nullable(),
}).meta({ id: 'Location' });
export type Location = z.infer<typeof Location>;
