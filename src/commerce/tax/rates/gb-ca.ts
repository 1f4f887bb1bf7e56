/**
 * UK VAT and Canadian GST/HST, PST, RST and QST.
 *
 * UK: 20% standard; printed books, most food, children's clothing and dispensed prescription
 * medicine are zero-rated (HMRC VAT Notices 701/10, 701/14, 714, 701/57).
 *
 * Canada: the place of supply of goods is the province they are delivered to (Excise Tax Act,
 * Sched. IX; CRA "Charge and collect the tax – which rate to charge"). A GST/HST registrant
 * charges 5% GST, or the HST in NB, NL, NS, ON and PE (HST replaces GST there). PST (BC, SK),
 * RST (MB) and QST (QC) are separate registrations and come on top of the GST. HST provinces
 * rebate their provincial part at the point of sale on printed books (all five) and children's
 * clothing and footwear (ON, NS, PE), so those goods bear only the 5% federal part.
 *
 * @example
 * CA_HST_RATES.NS.standard.rate; // 14
 */
import type { z } from 'zod';
import { CA_PROVINCES, type CaHstProvince, type CaProvincialTaxProvince } from '../codes.js';
import { dating, type JurisdictionRates } from './schema.js';

type Entry = z.input<typeof JurisdictionRates>;
const AS_OF = '2026-01-01';
const at = dating(AS_OF);

const HMRC = (notice: string, url: string) => `HMRC VAT Notice ${notice}, ${url}`;
export const GB_RATES: Entry = {
  code: 'GB',
  name: 'United Kingdom',
  kind: 'country',
  standard: at(
    20,
    '2011-01-04',
    'GOV.UK "VAT rates", https://www.gov.uk/guidance/rates-of-vat-on-different-goods-and-services',
  ),
  categories: {
    books: at(
      0,
      AS_OF,
      HMRC(
        '701/10 (printed matter)',
        'https://www.gov.uk/guidance/zero-rating-books-and-printed-matter-for-vat-notice-70110',
      ),
    ),
    food: at(
      0,
      AS_OF,
      HMRC('701/14 (food)', 'https://www.gov.uk/guidance/food-products-and-vat-notice-70114'),
      {
        note: 'most food; confectionery, crisps, soft drinks, hot takeaway food are standard-rated',
      },
    ),
    children_clothing: at(
      0,
      AS_OF,
      HMRC(
        '714 (young children’s clothing)',
        'https://www.gov.uk/guidance/young-childrens-clothing-and-footwear-vat-notice-714',
      ),
    ),
    medicine: at(
      0,
      AS_OF,
      HMRC(
        '701/57 (health professionals and pharmaceutical products)',
        'https://www.gov.uk/guidance/health-professionals-and-pharmaceutical-products-vat-notice-70157',
      ),
      {
        note: 'prescription medicine dispensed by a registered pharmacist; over-the-counter is 20%',
      },
    ),
  },
};

const CRA_RATES =
  'CRA GST/HST provincial rates table, https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/gst-hst-businesses/charge-collect-which-rate/calculator.html';
const CRA_2026 =
  'TaxTips.ca "2026 sales tax rates" (CRA table), https://www.taxtips.ca/salestaxes/sales-tax-rates-2026.htm';
const ZERO_RATED =
  'Revenu Québec "Zero-rated supplies" (basic groceries, prescription drugs; GST and QST), https://www.revenuquebec.ca/en/businesses/consumption-taxes/gsthst-and-qst/basic-rules-for-applying-the-gsthst-and-qst/types-of-supplies/zero-rated-supplies/';
const BOOK_REBATE =
  'CRA: point-of-sale rebate of the provincial part of the HST on printed books in NB, NL, NS, ON, PE (http://allabouttax.ca/what-is-a-point-of-sales-rebate/)';
const CHILD_REBATE =
  'CRA GST/HST Info Sheet GI-063 "Point-of-Sale Rebate on Children\'s Goods" (ON, NS, PE), https://www.canada.ca/en/revenue-agency/services/forms-publications/publications/gi-063/point-sale-rebate-on-childrens-goods.html';

const zeroRated = { food: at(0, AS_OF, ZERO_RATED), medicine: at(0, AS_OF, ZERO_RATED) };

export const CA_GST_RATES: Entry = {
  code: 'CA',
  name: 'Canada GST',
  kind: 'gst',
  standard: at(5, '2008-01-01', CRA_RATES),
  categories: zeroRated,
};

function hst(code: CaHstProvince, rate: number, from: string, childRebate: boolean): Entry {
  return {
    code: `CA-${code}`,
    name: `${CA_PROVINCES[code]} HST`,
    kind: 'hst',
    standard: at(rate, from, from === '2025-04-01' ? CRA_2026 : CRA_RATES),
    categories: {
      ...zeroRated,
      books: at(5, AS_OF, BOOK_REBATE, { note: 'provincial part rebated at the point of sale' }),
      ...(childRebate
        ? { children_clothing: at(5, AS_OF, CHILD_REBATE, { note: 'provincial part rebated' }) }
        : {}),
    },
  };
}

export const CA_HST_RATES: Record<CaHstProvince, Entry> = {
  ON: hst('ON', 13, '2010-07-01', true),
  NS: hst('NS', 14, '2025-04-01', true),
  NB: hst('NB', 15, '2016-07-01', false),
  NL: hst('NL', 15, '2016-07-01', false),
  PE: hst('PE', 15, '2016-10-01', true),
};

const BC_PST =
  'BC PST Bulletin 206 and BC PST guide (food, books, children-sized clothing, prescription drugs exempt), https://studylib.net/doc/8819953/grocery-and-drug-stores';
const SK_PST =
  'Saskatchewan Information Bulletin PST-2 (food, books, children’s clothing, prescription drugs exempt), https://paperzz.com/doc/7690167/originated--november-1991';
const MB_RST =
  'Manitoba RST (from memory: 8% → 7% on 2019-07-01; children’s clothing up to $150 an item exempt)';

export const CA_PROVINCIAL_RATES: Record<CaProvincialTaxProvince, Entry> = {
  BC: {
    code: 'CA-BC',
    name: 'British Columbia PST',
    kind: 'pst',
    standard: at(7, '2013-04-01', CRA_2026),
    categories: {
      food: at(0, AS_OF, BC_PST),
      books: at(0, AS_OF, BC_PST),
      children_clothing: at(0, AS_OF, BC_PST),
      medicine: at(0, AS_OF, BC_PST),
    },
  },
  MB: {
    code: 'CA-MB',
    name: 'Manitoba RST',
    kind: 'pst',
    standard: at(7, '2019-07-01', CRA_2026),
    categories: {
      food: at(0, AS_OF, MB_RST, { unverified: true }),
      books: at(0, AS_OF, MB_RST, { unverified: true }),
      children_clothing: at(7, AS_OF, MB_RST, {
        unverified: true,
        threshold: { currency: 'CAD', amount: 150, mode: 'exempt_up_to' },
      }),
      medicine: at(0, AS_OF, MB_RST, { unverified: true }),
    },
  },
  SK: {
    code: 'CA-SK',
    name: 'Saskatchewan PST',
    kind: 'pst',
    standard: at(6, '2017-03-23', CRA_2026),
    categories: {
      food: at(0, AS_OF, SK_PST),
      books: at(0, AS_OF, SK_PST),
      children_clothing: at(0, AS_OF, SK_PST),
      medicine: at(0, AS_OF, SK_PST),
    },
  },
  QC: {
    code: 'CA-QC',
    name: 'Quebec QST',
    kind: 'qst',
    standard: at(9.975, '2013-01-01', CRA_2026),
    categories: {
      ...zeroRated,
      books: at(
        0,
        AS_OF,
        'Revenu Québec "Printed books": zero-rated for QST (ISBN), https://www.revenuquebec.ca/en/citizens/consumption-taxes/taxable-zero-rated-or-tax-exempt-goods-and-services/gst-and-qst/other-situations/books/printed-books/',
      ),
    },
  },
};
