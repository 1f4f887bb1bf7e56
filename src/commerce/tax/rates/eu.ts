/**
 * EU VAT: the standard rate of all 27 member states and the rate each applies to the categories
 * Concord distinguishes (printed books, staple foods, children's clothing, prescription
 * medicine). A category not listed is taxed at the standard rate. "Food" is the staple-groceries
 * rate (bread, milk, eggs, meat, fruit, vegetables); several states tax other foods at a higher
 * reduced rate or the standard rate, noted where we know it.
 *
 * B2C distance sales are taxed where the goods arrive (destination principle, Art. 33 of the
 * VAT Directive 2006/112/EC, collected through the OSS). We always apply it: the €10,000 EU-wide
 * threshold below which a small seller may charge its home VAT is not modelled. Special
 * territories (Canary Islands, Åland, Azores/Madeira reduced rates, Mount Athos…) are not
 * distinguished by postcode. B2B reverse charge is out of scope (use a provider).
 *
 * Standard rates and their effective dates: European Commission TEDB, read through the
 * vatnode/eu-vat-rates-data history file (version 2026-09-23). Category rates: the source named
 * per country; `unverified` where we relied on long-standing practice not re-checked this review.
 *
 * @example
 * EU_RATES.DE.categories.books?.rate; // 7
 */
import type { z } from 'zod';
import { EU_MEMBER_STATES, type EuCountryCode } from '../codes.js';
import { dating, type JurisdictionRates } from './schema.js';

type Rule = ReturnType<typeof at>;
type Cats = Partial<Record<'children_clothing' | 'books' | 'food' | 'medicine', Rule>>;

const TEDB = 'European Commission TEDB via https://github.com/vatnode/eu-vat-rates-data (history 2026-09-23)';
const AVALARA =
  'Avalara VATlive "EU VAT rates" (2026-02-26), https://www.avalara.com/us/en/vatlive/eu-vat-rules/distance-selling/fulfilment-amazon-eu-vat/european-union-eu-vat-rates.html';
const MAROSA = (c: string) => `Marosa VAT manual ${c}, https://marosavat.com/manual-vat/${c.toLowerCase()}`;
const PRACTICE = 'long-standing national rate (not re-checked against a 2026 publication)';
const AS_OF = '2026-02-26'; // date of the Avalara VATlive EU rates page used as a cross-check
const at = dating(AS_OF);

function country(code: EuCountryCode, standard: Rule, categories: Cats): z.input<typeof JurisdictionRates> {
  return { code, name: EU_MEMBER_STATES[code], kind: 'country', standard, categories };
}
const same = (rate: number, from: string, source: string, extra: Parameters<typeof at>[3] = {}) => ({
  books: at(rate, from, source, extra),
  food: at(rate, from, source, extra),
  medicine: at(rate, from, source, extra),
});
const unverified = (note?: string) => ({ unverified: true as const, ...(note ? { note } : {}) });

// prettier-ignore
export const EU_RATES: Record<EuCountryCode, z.input<typeof JurisdictionRates>> = {
  AT: country('AT', at(20, '1984-01-01', TEDB), same(10, AS_OF, AVALARA)),
  BE: country('BE', at(21, '1996-01-01', TEDB), same(6, AS_OF, AVALARA, { note: 'some foodstuffs at 12%' })),
  BG: country('BG', at(20, '1999-01-01', TEDB), {
    books: at(9, '2023-01-01', 'Baker McKenzie VAT rates: 9% for books, baby food, https://resourcehub.bakermckenzie.com/en/resources/vatgst-rates--thresholds/european-union/bulgaria/topics/vat--gst'),
    food: at(20, '2025-01-01', 'BNT: 0% on bread and flour ended, back to 20% from 2025-01-01, https://bntnews.bg/news/vat-on-bread-flour-and-restaurant-services-in-bulgaria-restored-to-20-1320633news.html'),
    medicine: at(20, AS_OF, PRACTICE, unverified()),
  }),
  HR: country('HR', at(25, '2012-03-01', TEDB), {
    books: at(5, AS_OF, MAROSA('Croatia')),
    food: at(5, '2022-04-01', 'CMS: bread, milk, meat, eggs, fruit, vegetables at 5% from 2022-04-01, https://www.cms-lawnow.com/ealerts/2022/04/lower-vat-rates-on-selected-goods-and-services-from-1-april-2022'),
    medicine: at(5, AS_OF, MAROSA('Croatia'), { note: 'prescription medicines' }),
  }),
  CY: country('CY', at(19, '2014-01-13', TEDB), {
    books: at(5, AS_OF, 'Dedalos: 5% on books, http://www.dedalos.co/our-services/eu-value-added-tax-eu-vat/vat-rates/'),
    food: at(5, AS_OF, PRACTICE, unverified('a temporary 0% on bread, milk, eggs, meat and vegetables ran to at least 2024-09-30')),
    medicine: at(5, '2011-01-01', 'cyprusupdates.com: 5% on food and medicine from 2011, http://cyprusupdates.com/2011/01/5-vat-on-food-and-medicine-starting-today', unverified()),
  }),
  CZ: country('CZ', at(21, '2013-01-01', TEDB), {
    books: at(0, '2024-01-01', 'Sovos: books exempt with right of deduction from 2024-01-01, https://sovos.com/regulatory-updates/vat/czech-republic-vat-law-changes'),
    food: at(12, '2024-01-01', 'Tolley EU & Global VAT, Appendix 13C (12% on food), https://www.lexisnexis.co.uk/tolley/tax/commentary/eu-and-global-vat/13-czech-republic/appendix-13c-vat-reduced-rate-czech-republic'),
    medicine: at(0, '2026-01-01', 'Easytax: prescription medicines zero-rated from 2026-01-01, https://www.easytax.co/en/tax-mag/info/eu-new-vat-rates-from-2026-what-business-need-to-know'),
  }),
  DK: country('DK', at(25, '1992-01-01', TEDB), {
    books: at(25, AS_OF, AVALARA, unverified('abolition of VAT on books was announced for the 2026 budget; no effective date found')),
  }),
  EE: country('EE', at(24, '2025-07-01', TEDB), {
    books: at(9, AS_OF, MAROSA('Estonia')),
    medicine: at(9, AS_OF, MAROSA('Estonia')),
  }),
  FI: country('FI', at(25.5, '2024-09-01', TEDB), same(13.5, '2026-01-01', 'VAT API: reduced rate 14% → 13.5% on 2026-01-01 (food, medicines, books), https://vatapi.com/news/article/finland-lowers-reduced-vat-rate-to-13-5-effective-1-january-2026')),
  FR: country('FR', at(20, '2014-01-01', TEDB), {
    books: at(5.5, AS_OF, AVALARA),
    food: at(5.5, AS_OF, AVALARA),
    medicine: at(2.1, AS_OF, AVALARA, { note: 'reimbursable medicines; non-reimbursed ones are 10%' }),
  }),
  DE: country('DE', at(19, '2021-01-01', TEDB), {
    books: at(7, AS_OF, AVALARA),
    food: at(7, AS_OF, AVALARA),
    medicine: at(19, AS_OF, AVALARA, { note: 'Germany applies the standard rate to medicines' }),
  }),
  GR: country('GR', at(24, '2016-06-01', TEDB), {
    books: at(6, AS_OF, PRACTICE, unverified()),
    food: at(13, AS_OF, PRACTICE, unverified()),
    medicine: at(6, AS_OF, PRACTICE, unverified()),
  }),
  HU: country('HU', at(27, '2012-01-01', TEDB), same(5, AS_OF, 'Rydoo: 5% on pharmaceuticals, poultry, eggs, books, https://rydoo.com/compliance/hungary/tax-rates', { note: 'staples at 5%; other dairy and cereals 18%' })),
  IE: country('IE', at(23, '2021-03-01', TEDB), {
    children_clothing: at(0, AS_OF, PRACTICE, unverified()),
    ...same(0, AS_OF, PRACTICE, unverified('zero rate for printed books, most food and oral medicines')),
  }),
  IT: country('IT', at(22, '2013-10-01', TEDB), {
    books: at(4, AS_OF, PRACTICE, unverified()),
    food: at(4, AS_OF, PRACTICE, unverified('bread, milk, fresh fruit and vegetables; most other food 10%')),
    medicine: at(10, AS_OF, PRACTICE, unverified()),
  }),
  LV: country('LV', at(21, '2012-07-01', TEDB), {
    books: at(5, '2026-01-01', 'agrobitenews.com: 5% on books in Latvian and EU/OECD languages from 2026, https://agrobitenews.com/uzsienyje-en/latvia-to-temporarily-reduce-vat-on-some-food-products'),
    food: at(12, '2026-07-01', 'VATupdate: 12% on bread, milk, eggs, fresh poultry 2026-07-01 to 2027-06-30, https://www.vatupdate.com/2025/12/19/latvia-implements-vat-rate-reductions-for-educational-materials-and-essential-foods', { note: 'temporary; other food 21% except fresh fruit and vegetables (12%)' }),
    medicine: at(12, AS_OF, 'Mindlink: 12% on listed medicaments, https://mindlink.lv/useful/vat-rates-in-latvia'),
  }),
  LT: country('LT', at(21, '2009-09-01', TEDB), {
    books: at(5, '2026-01-01', 'VAT API: books and medicines 5% from 2026-01-01, https://vatapi.com/news/article/lithuania-raises-reduced-vat-rate-to-12-and-introduces-other-changes-effective-1-january-2026'),
    medicine: at(5, '2026-01-01', 'VAT API: books and medicines 5% from 2026-01-01, https://vatapi.com/news/article/lithuania-raises-reduced-vat-rate-to-12-and-introduces-other-changes-effective-1-january-2026'),
  }),
  LU: country('LU', at(17, '2024-01-01', TEDB), {
    children_clothing: at(3, AS_OF, PRACTICE, unverified()),
    ...same(3, AS_OF, PRACTICE, unverified()),
  }),
  MT: country('MT', at(18, '2004-01-01', TEDB), {
    books: at(5, AS_OF, PRACTICE, unverified()),
    food: at(0, AS_OF, PRACTICE, unverified()),
    medicine: at(0, AS_OF, PRACTICE, unverified()),
  }),
  NL: country('NL', at(21, '2012-10-01', TEDB), same(9, '2019-01-01', 'paulluuk/vat-rates (reduced 6% → 9% on 2019-01-01), https://raw.githubusercontent.com/paulluuk/vat-rates/master/vat_rates.json')),
  PL: country('PL', at(23, '2011-01-01', TEDB), {
    books: at(5, AS_OF, PRACTICE, unverified()),
    food: at(5, AS_OF, PRACTICE, unverified()),
    medicine: at(8, AS_OF, PRACTICE, unverified()),
  }),
  PT: country('PT', at(23, '2011-01-01', TEDB), same(6, AS_OF, PRACTICE, unverified('mainland rates; Azores and Madeira are lower'))),
  RO: country('RO', at(21, '2025-08-01', TEDB), same(11, '2025-08-01', 'Regfollower: 5% and 9% unified at 11% from 2025-08-01 (Law 141/2025), https://regfollower.com/romania-increases-standard-and-reduced-vat-rates-effective-starting-tomorrow')),
  SK: country('SK', at(23, '2025-01-01', TEDB), same(5, '2025-01-01', 'Crowe Slovakia: basic food, medicines, books 5% from 2025-01-01, https://crowe.com/sk/en-us/news/schvalene-zmeny-v-dani-z-pridanej-hodnoty-dph-a-dani-z-prijmov-dzp-od-1-1-2025', { note: 'basic foods 5%; other food 19% (23% for high-sugar/salt from 2026)' })),
  SI: country('SI', at(22, '2013-07-01', TEDB), {
    books: at(5, AS_OF, PRACTICE, unverified()),
    food: at(9.5, AS_OF, PRACTICE, unverified()),
    medicine: at(9.5, AS_OF, PRACTICE, unverified()),
  }),
  ES: country('ES', at(21, '2012-09-01', TEDB), same(4, AS_OF, PRACTICE, unverified('4% for bread, milk, eggs, fruit, vegetables; most other food 10%'))),
  SE: country('SE', at(25, '1990-07-01', TEDB), {
    books: at(6, AS_OF, PRACTICE, unverified()),
    food: at(6, '2026-04-01', 'VATupdate: food 12% → 6% from 2026-04-01 to 2027-12-31, https://www.vatupdate.com/2025/11/26/government-plans-temporary-vat-cut-on-food-to-ease-consumer-costs', { note: 'temporary until 2027-12-31' }),
    medicine: at(0, AS_OF, PRACTICE, unverified('prescription medicines')),
  }),
};
