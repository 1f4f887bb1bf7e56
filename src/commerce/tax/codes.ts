/**
 * The jurisdiction codes the built-in tax engine knows: US states (and DC) by USPS code, EU
 * member states by ISO 3166-1 alpha-2 (Greece is `GR`, not the VAT prefix `EL`), Canadian
 * provinces and territories by their ISO 3166-2:CA suffix.
 *
 * @example
 * US_STATES.TX; // 'Texas'
 * isEuMember('FR'); // true
 */

// prettier-ignore
export const US_STATES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky',
  LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota',
  OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island',
  SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont',
  VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
} as const;
export type UsStateCode = keyof typeof US_STATES;

// prettier-ignore
export const EU_MEMBER_STATES = {
  AT: 'Austria', BE: 'Belgium', BG: 'Bulgaria', HR: 'Croatia', CY: 'Cyprus', CZ: 'Czechia',
  DK: 'Denmark', EE: 'Estonia', FI: 'Finland', FR: 'France', DE: 'Germany', GR: 'Greece',
  HU: 'Hungary', IE: 'Ireland', IT: 'Italy', LV: 'Latvia', LT: 'Lithuania', LU: 'Luxembourg',
  MT: 'Malta', NL: 'Netherlands', PL: 'Poland', PT: 'Portugal', RO: 'Romania', SK: 'Slovakia',
  SI: 'Slovenia', ES: 'Spain', SE: 'Sweden',
} as const;
export type EuCountryCode = keyof typeof EU_MEMBER_STATES;

// prettier-ignore
export const CA_PROVINCES = {
  AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick',
  NL: 'Newfoundland and Labrador', NS: 'Nova Scotia', NT: 'Northwest Territories', NU: 'Nunavut',
  ON: 'Ontario', PE: 'Prince Edward Island', QC: 'Quebec', SK: 'Saskatchewan', YT: 'Yukon',
} as const;
export type CaProvinceCode = keyof typeof CA_PROVINCES;

/** Provinces whose HST replaces the GST (one combined federal + provincial tax). */
export const CA_HST_PROVINCES = ['NB', 'NL', 'NS', 'ON', 'PE'] as const;
export type CaHstProvince = (typeof CA_HST_PROVINCES)[number];

/** Provinces with a separate provincial tax on top of the GST: PST (BC, SK), RST (MB), QST (QC). */
export const CA_PROVINCIAL_TAX_PROVINCES = ['BC', 'MB', 'SK', 'QC'] as const;
export type CaProvincialTaxProvince = (typeof CA_PROVINCIAL_TAX_PROVINCES)[number];

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> =>
  Object.prototype.hasOwnProperty.call(table, key);

export const isUsState = (code: string): code is UsStateCode => has(US_STATES, code);
export const isEuMember = (code: string): code is EuCountryCode => has(EU_MEMBER_STATES, code);
export const isCaProvince = (code: string): code is CaProvinceCode => has(CA_PROVINCES, code);
export const isCaHstProvince = (code: string): code is CaHstProvince =>
  (CA_HST_PROVINCES as readonly string[]).includes(code);
export const isCaProvincialTaxProvince = (code: string): code is CaProvincialTaxProvince =>
  (CA_PROVINCIAL_TAX_PROVINCES as readonly string[]).includes(code);

export const US_STATE_CODES = Object.keys(US_STATES) as [UsStateCode, ...UsStateCode[]];
export const EU_COUNTRY_CODES = Object.keys(EU_MEMBER_STATES) as [EuCountryCode, ...EuCountryCode[]];
