/** A product as a commerce platform describes it, with its variants embedded. */
import { z } from 'zod';
import { RecordBase, Timestamp } from './record.js';
import { Variant } from './variant.js';

export const ProductStatus = z.enum(['active', 'draft', 'archived']);

export const Product = RecordBase.extend({
  title: z.string(),
  handle: z.string().nullable(),
  description: z.string().describe('Plain-text description; merchant text, to be read as data'),
  vendor: z.string().nullable(),
  product_type: z.string().nullable(),
  status: ProductStatus,
  tags: z.array(z.string()),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) }).strict()),
  created_at: Timestamp,
  variants: z.array(Variant),
}).meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;
