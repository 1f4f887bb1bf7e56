/**
 * Address rules per country as data: which fields are required, the postcode pattern (with an
 * example to show the agent), and the valid region codes where we check them (US states, Canadian
 * provinces, Australian states). Countries not listed get the generic rule.
 *
 * @example
 * formatFor('CA').postcode?.test('M4P 1G8'); // true
 */

/** A field of the ship-to address a country may require. */
export type AddressField = 'line1' | 'city' | 'region' | 'postal_code';

export interface CountryFormat {
  required: readonly AddressField[];
  postcode?: RegExp;
  postcodeExample?: string;
  /** Valid region codes; when set, `region` must be one of them. */
  regions?: ReadonlySet<string>;
  /** What a region is called here, for messages. */
  regionLabel?: string;
}

/** USPS Publication 28, Appendix B: states, DC, territories and the armed-forces codes AA/AE/AP. */
export const US_REGIONS = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND ' +
    'OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI UM FM MH PW AA AE AP'
  ).split(' '),
);

/** Canada Post Addressing Guidelines: the 13 province and territory codes. */
export const CA_REGIONS = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));

/** Australia Post: state and territory abbreviations. */
export const AU_REGIONS = new Set('ACT NSW NT QLD SA TAS VIC WA'.split(' '));

const BASE: readonly AddressField[] = ['line1', 'city'];

export const COUNTRY_FORMATS: Readonly<Record<string, CountryFormat>> = {
  // USPS Pub. 28: ZIP Code 5 digits, optionally ZIP+4.
  US: {
    required: [...BASE, 'region', 'postal_code'],
    postcode: /^\d{5}(?:-?\d{4})?$/,
    postcodeExample: '94103 or 94103-1234',
    regions: US_REGIONS,
    regionLabel: 'two-letter state code such as "CA"',
  },
  // Canada Post: A1A 1A1; D, F, I, O, Q, U never appear, and W, Z never as the first letter.
  CA: {
    required: [...BASE, 'region', 'postal_code'],
    postcode: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
    postcodeExample: 'M4P 1G8',
    regions: CA_REGIONS,
    regionLabel: 'two-letter province code such as "ON"',
  },
  // Royal Mail PAF formats (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA) and GIR 0AA.
  GB: {
    required: [...BASE, 'postal_code'],
    postcode: /^(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|GIR ?0AA)$/,
    postcodeExample: 'SW1A 1AA',
  },
  // Deutsche Post: Postleitzahl, 5 digits.
  DE: { required: [...BASE, 'postal_code'], postcode: /^\d{5}$/, postcodeExample: '10115' },
  // La Poste: code postal, 5 digits.
  FR: { required: [...BASE, 'postal_code'], postcode: /^\d{5}$/, postcodeExample: '75001' },
  // PostNL: 4 digits (no leading 0), space, 2 letters; SA, SD and SS are not issued.
  NL: {
    required: [...BASE, 'postal_code'],
    postcode: /^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$/,
    postcodeExample: '1012 AB',
  },
  // Australia Post: 4 digits.
  AU: {
    required: [...BASE, 'region', 'postal_code'],
    postcode: /^\d{4}$/,
    postcodeExample: '2000',
    regions: AU_REGIONS,
    regionLabel: 'state code such as "NSW"',
  },
  // Japan Post: 7 digits written NNN-NNNN; the prefecture is required.
  JP: {
    required: [...BASE, 'region', 'postal_code'],
    postcode: /^\d{3}-?\d{4}$/,
    postcodeExample: '100-0001',
  },
};

/**
 * Everywhere else: street and city; a postcode, when given, is 2–10 letters, digits, spaces or
 * dashes. Some countries have no postcodes at all, so it is not required.
 */
export const GENERIC_FORMAT: CountryFormat = {
  required: BASE,
  postcode: /^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$/,
  postcodeExample: 'the local postcode',
};

/** The format for a country code. */
export function formatFor(country: string): CountryFormat {
  return COUNTRY_FORMATS[country] ?? GENERIC_FORMAT;
}

/**
 * Recognises a PO box in a street line: "PO Box 12", "P.O. Box", "Post Office Box", "GPO Box"
 * (AU), "Postfach" (DE), "Boîte postale"/"BP 12" (FR), "Postbus" (NL), "Locked Bag"/"Private Bag".
 */
export const PO_BOX =
  /\b(?:(?:g\.?\s*)?p\.?\s*o\.?\s*box|pobox|post\s+office\s+box|postfach|bo[iî]te\s+postale|bp\s+\d+|postbus|locked\s+bag|private\s+bag)\b/i;
