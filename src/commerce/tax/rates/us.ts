/**
 * US sales tax: the STATE-LEVEL base rate of every state and DC, and nothing below it.
 * County, city and special-district rates are NOT included (they add up to ~5.5 points in
 * AL, LA, TN…). A merchant that must charge them uses a {@link TaxProvider} backed by its ERP or
 * a tax service. Following the Tax Foundation's convention, the uniform statewide local add-ons
 * are included because they apply at every address: CA 7.25 (1.25 local), UT 6.10 (1.25), VA 5.30 (1).
 *
 * Per state: `sourcing` for intrastate sales (origin-based states charge the seller's local
 * rates; interstate remote sales are always destination-sourced), whether a separately stated
 * delivery charge by common carrier is taxable (the common e-commerce case; where the rule
 * depends on conditions the note says which case we picked), groceries, clothing and
 * prescription medicine where they differ from the base rate.
 *
 * @example
 * US_RATES.TX.standard.rate; // 6.25
 */
import type { z } from 'zod';
import { US_STATES, type UsStateCode } from '../codes.js';
import { dating, rule, type UsStateRates } from './schema.js';

type Rule = ReturnType<typeof at>;
type Cats = Partial<Record<'clothing' | 'children_clothing' | 'books' | 'food' | 'medicine', Rule>>;

const AS_OF = '2025-01-01';
const at = dating(AS_OF);
// State base rates (as of 2025-01-01; CA, UT, VA include the uniform local add-on), cross-checked
// against https://help.officerbilling.net/support/solutions/articles/61000296347 and
// https://federalstatelaw.com/tables/sales-tax (updated 2025-12-15).
const TF =
  'Tax Foundation, "State and Local Sales Tax Rates, 2025", https://taxfoundation.org/data/all/state/sales-tax-rates';
// Intrastate origin sourcing: AZ, CA (state/county/city; districts by destination), IL, MS, MO,
// OH, PA, TN, TX, UT, VA. TaxCloud also lists NM, but NM moved to destination sourcing on 2021-07-01
// (https://www.salestaxinstitute.com/resources/new-mexico-implements-destination-based-sourcing-rules).
export const ORIGIN_SOURCING_SOURCE =
  'TaxCloud, "What is Sales Tax Sourcing?", https://support.taxcloud.com/article/311-what-is-sales-tax-sourcing';
// Shipping: TaxJar's state-by-state list of states where shipping is taxable (common carrier,
// separately stated), crawled at http://www.taxjar.com/category/236-sales-tax-registration.
export const SHIPPING_SOURCE =
  'TaxJar, "Is shipping taxable?" state list; KS DOR Notice 23-02 (exempt from 2023-07-01); Michigan 2023 delivery-charge exclusion';
const FOOD =
  'legalclarity.org, "What States Charge Sales Tax on Food?" (Aug 2025), https://legalclarity.org/what-states-charge-sales-tax-on-food';
const FOOD_2026 =
  'Grocery Dive, "More states cut grocery taxes" (Jan 2026), https://www.grocerydive.com/news/more-states-cut-grocery-taxes/808791';
const CLOTHING = 'TaxJar, "Sales tax on clothing", https://taxjar.com/sales-tax/sales-tax-on-clothing';
const RX =
  'ITEP: prescription drugs exempt in 44 of 45 sales-tax states, Illinois 1%, https://itep.org/how-do-state-tax-sales-of-over-the-counter-medication/';

const foodExempt = at(0, AS_OF, FOOD, { note: 'groceries exempt from the state rate' });
const clothingExempt = at(0, AS_OF, CLOTHING, { note: 'clothing and footwear exempt at state level' });

function state(
  code: UsStateCode,
  rate: number,
  sourcing: 'origin' | 'destination',
  shipping: 'taxable' | 'exempt',
  categories: Cats = {},
  standard: Rule = at(rate, AS_OF, TF),
): z.input<typeof UsStateRates> {
  return {
    code: `US-${code}`,
    name: US_STATES[code],
    kind: 'state',
    standard,
    categories: { food: foodExempt, medicine: at(0, AS_OF, RX), ...categories },
    sourcing,
    shipping,
    no_sales_tax: false,
  };
}

function noSalesTax(code: UsStateCode): z.input<typeof UsStateRates> {
  return { ...state(code, 0, 'destination', 'exempt'), categories: {}, no_sales_tax: true };
}

// prettier-ignore
export const US_RATES: Record<UsStateCode, z.input<typeof UsStateRates>> = {
  AL: state('AL', 4, 'destination', 'exempt', { food: at(2, '2025-09-01', FOOD_2026) }),
  AK: noSalesTax('AK'),
  AZ: state('AZ', 5.6, 'origin', 'exempt'),
  AR: state('AR', 6.5, 'destination', 'taxable', { food: at(0, '2026-01-01', FOOD_2026, { note: 'state 0.125% grocery rate repealed; local taxes still apply' }) }),
  CA: state('CA', 7.25, 'origin', 'exempt', {}, at(7.25, AS_OF, TF, { note: 'origin for state/county/city, destination for district taxes' })),
  CO: state('CO', 2.9, 'destination', 'exempt'),
  CT: state('CT', 6.35, 'destination', 'taxable', { clothing: at(6.35, AS_OF, CLOTHING, { note: 'items over $1,000 are taxed at 7.75% (not modelled)' }) }),
  DE: noSalesTax('DE'),
  DC: state('DC', 7, 'destination', 'taxable', {}, at(7, '2026-10-01', 'KPMG This Week in State Tax 2025-12-15: FY2026 BSA kept 6% through 2026-09-30, 7% scheduled from 2026-10-01, https://kpmg.com/us/en/articles/this-week-in-state-tax/twist-251215.html', { unverified: true, note: 'scheduled rise; no DC OTR notice confirming it took effect was found' })),
  FL: state('FL', 6, 'destination', 'exempt', {}, at(6, AS_OF, TF, { note: 'shipping exempt when separately stated and the buyer could pick up; otherwise taxable' })),
  GA: state('GA', 4, 'destination', 'taxable'),
  HI: state('HI', 4, 'destination', 'taxable', { food: at(4, AS_OF, FOOD, { note: 'general excise tax applies to groceries' }) }),
  ID: state('ID', 6, 'destination', 'exempt', { food: at(6, AS_OF, FOOD, { note: 'groceries taxed; offset by an income tax credit' }) }),
  IL: state('IL', 6.25, 'origin', 'taxable', {
    food: at(0, '2026-01-01', FOOD_2026, { note: 'state 1% grocery rate repealed; many localities impose 1%' }),
    medicine: at(1, AS_OF, 'Illinois DOR, qualifying drugs at 1%, https://tax.illinois.gov/questionsandanswers/answer.167.html'),
  }, at(6.25, AS_OF, TF, { note: 'shipping taxable when the buyer cannot pick up (inseparable link), the e-commerce case' })),
  IN: state('IN', 7, 'destination', 'taxable'),
  IA: state('IA', 6, 'destination', 'exempt'),
  KS: state('KS', 6.5, 'destination', 'exempt', { food: rule(0, '2025-01-01', FOOD_2026) }),
  KY: state('KY', 6, 'destination', 'taxable'),
  LA: state('LA', 5, 'destination', 'exempt', {}, rule(5, '2025-01-01', 'Vertex, 2025 mid-year report: Louisiana 4.45% → 5% on 2025-01-01, https://www.vertexinc.com/resources/resource-library/numbers-2025-mid-year-sales-tax-rates-and-rules-update')),
  ME: state('ME', 5.5, 'destination', 'exempt'),
  MD: state('MD', 6, 'destination', 'exempt'),
  MA: state('MA', 6.25, 'destination', 'exempt', { clothing: at(6.25, AS_OF, CLOTHING, { threshold: { currency: 'USD', amount: 175, mode: 'tax_excess' } }) }),
  MI: state('MI', 6, 'destination', 'exempt'),
  MN: state('MN', 6.875, 'destination', 'taxable', { clothing: clothingExempt }),
  MS: state('MS', 7, 'origin', 'taxable', { food: at(5, '2025-07-01', FOOD_2026) }),
  MO: state('MO', 4.225, 'origin', 'exempt', { food: at(1.225, AS_OF, FOOD) }),
  MT: noSalesTax('MT'),
  NE: state('NE', 5.5, 'destination', 'taxable'),
  NV: state('NV', 6.85, 'destination', 'exempt'),
  NH: noSalesTax('NH'),
  NJ: state('NJ', 6.625, 'destination', 'taxable', { clothing: clothingExempt }),
  NM: state('NM', 4.875, 'destination', 'taxable', {}, at(4.875, '2023-07-01', 'NM TRD via hogbergtax.com: statewide GRT 5% on 2022-07-01, a further 1/8% cut on 2023-07-01, https://hogbergtax.com/?p=1497')),
  NY: state('NY', 4, 'destination', 'taxable', { clothing: at(4, AS_OF, CLOTHING, { threshold: { currency: 'USD', amount: 110, mode: 'exempt_below' }, note: 'state 4% only; some localities tax all clothing' }) }),
  NC: state('NC', 4.75, 'destination', 'taxable'),
  ND: state('ND', 5, 'destination', 'taxable'),
  OH: state('OH', 5.75, 'origin', 'taxable'),
  OK: state('OK', 4.5, 'destination', 'exempt'),
  OR: noSalesTax('OR'),
  PA: state('PA', 6, 'origin', 'taxable', { clothing: clothingExempt }),
  RI: state('RI', 7, 'destination', 'taxable', { clothing: at(7, AS_OF, CLOTHING, { threshold: { currency: 'USD', amount: 250, mode: 'tax_excess' } }) }),
  SC: state('SC', 6, 'destination', 'taxable'),
  SD: state('SD', 4.2, 'destination', 'taxable', { food: at(4.2, '2023-07-01', FOOD) }, at(4.2, '2023-07-01', FOOD, { note: 'temporary 4.2%; scheduled to return to 4.5% on 2027-07-01' })),
  TN: state('TN', 7, 'origin', 'taxable', { food: at(4, AS_OF, FOOD) }),
  TX: state('TX', 6.25, 'origin', 'taxable'),
  UT: state('UT', 6.1, 'origin', 'exempt', { food: at(3, AS_OF, FOOD, { note: '1.75% state + 1.25% uniform local' }) }),
  VT: state('VT', 6, 'destination', 'taxable', { clothing: clothingExempt }),
  VA: state('VA', 5.3, 'origin', 'exempt', { food: at(1, AS_OF, FOOD, { note: 'state part repealed 2023; 1% uniform local remains' }) }),
  WA: state('WA', 6.5, 'destination', 'taxable'),
  WV: state('WV', 6, 'destination', 'taxable'),
  WI: state('WI', 5, 'destination', 'taxable'),
  WY: state('WY', 4, 'destination', 'exempt'),
};
