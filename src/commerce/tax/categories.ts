/**
 * Tax categories: the small set of product classes the built-in rate tables really distinguish.
 * A merchant maps each product to one of them; anything the tables do not distinguish is
 * `standard`. Kept deliberately small: a category is only here when several of the covered
 * jurisdictions publish a different rate or exemption for it.
 *
 * | category            | what it means                                                          | where it changes the rate (examples)                          |
 * |---------------------|------------------------------------------------------------------------|---------------------------------------------------------------|
 * | `standard`          | everything else, at the jurisdiction's general rate                    | —                                                             |
 * | `clothing`          | adult apparel and footwear                                             | exempt in MN, NJ, PA, VT; price thresholds in NY, MA, RI      |
 * | `children_clothing` | children-sized apparel and footwear (falls back to `clothing`)         | 0% GB, IE; 3% LU; HST rebate ON/NS/PE; PST-exempt BC/SK/MB    |
 * | `books`             | printed books (not e-books, newspapers or periodicals)                 | reduced VAT in most of the EU, 0% GB/IE/CZ; HST rebates; QST 0 |
 * | `food`              | staple groceries for home consumption: bread, milk, eggs, meat, fruit, | exempt in most US states; 0% GB/IE/MT; reduced EU rates;      |
 * |                     | vegetables. Not alcohol, soft drinks, confectionery or prepared food   | zero-rated GST/HST/QST                                        |
 * | `medicine`          | prescription medicines for human use, dispensed to the patient         | exempt in US states except IL (1%); 0–10% in most of the EU (DE 19%); 0% GB/CA |
 *
 * Not covered on purpose: digital goods and services, alcohol, tobacco, restaurant meals. US
 * states disagree widely on them; map them to `standard` only where you know that is right,
 * otherwise calculate with a {@link TaxProvider} backed by your ERP or a tax service.
 *
 * @example
 * TaxCategory.parse('books'); // 'books'
 */
import { z } from 'zod';

export const TAX_CATEGORIES = [
  'standard',
  'clothing',
  'children_clothing',
  'books',
  'food',
  'medicine',
] as const;

export const TaxCategory = z
  .enum(TAX_CATEGORIES)
  .describe('Product tax class: standard, clothing, children_clothing, books, food or medicine')
  .meta({ id: 'TaxCategory', example: 'standard' });
export type TaxCategory = z.infer<typeof TaxCategory>;

/** A category other than `standard`: the keys a rate table may override. */
export type ReducedCategory = Exclude<TaxCategory, 'standard'>;

/**
 * The order in which rate rules are looked up for a category: its own rule first, then the
 * broader category it belongs to, then the standard rate.
 */
export function categoryFallbacks(category: TaxCategory): ReducedCategory[] {
  switch (category) {
    case 'standard':
      return [];
    case 'children_clothing':
      return ['children_clothing', 'clothing'];
    case 'clothing':
    case 'books':
    case 'food':
    case 'medicine':
      return [category];
    default: {
      const never: never = category;
      return never;
    }
  }
}
