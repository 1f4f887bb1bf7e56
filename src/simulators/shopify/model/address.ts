/**
 * Postal addresses: `MailingAddress` (customer and order addresses) and the plain address
 * fields shared with `LocationAddress`. Country and province names come from a small table of
 * the countries the simulated merchant deals with; unknown codes print the code itself.
 */
import { gid } from '../format.js';

const COUNTRIES: Record<string, string> = {
  US: 'United States',
  CA: 'Canada',
  GB: 'United Kingdom',
  DE: 'Germany',
  FR: 'France',
  NL: 'Netherlands',
  AU: 'Australia',
  IE: 'Ireland',
};

const PROVINCES: Record<string, string> = {
  'US-NY': 'New York',
  'US-NJ': 'New Jersey',
  'US-CA': 'California',
  'US-NV': 'Nevada',
  'US-TX': 'Texas',
  'US-WA': 'Washington',
  'US-IL': 'Illinois',
  'US-CO': 'Colorado',
  'US-PA': 'Pennsylvania',
  'US-OR': 'Oregon',
  'CA-ON': 'Ontario',
  'CA-BC': 'British Columbia',
  'CA-QC': 'Quebec',
  'AU-NSW': 'New South Wales',
  'AU-VIC': 'Victoria',
};

/** Country name of an ISO code. */
export function countryName(code: string | null | undefined): string | null {
  return code ? (COUNTRIES[code] ?? code) : null;
}

/** Province name of (country, province code). */
export function provinceName(
  country: string | null | undefined,
  code: string | null | undefined,
): string | null {
  return code ? (PROVINCES[`${country}-${code}`] ?? code) : null;
}

/** The input shape shared by MailingAddressInput and the seed. */
export interface AddressFields {
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  company?: string | null;
  countryCode?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
}

/** A `MailingAddress` (customer address or order address). */
export class MailingAddressRecord {
  address1: string | null;
  address2: string | null;
  city: string | null;
  company: string | null;
  countryCodeV2: string | null;
  provinceCode: string | null;
  zip: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;

  constructor(
    readonly num: number,
    fields: AddressFields,
    private readonly modelName: 'CustomerAddress' | 'Address' = 'CustomerAddress',
  ) {
    this.address1 = fields.address1 ?? null;
    this.address2 = fields.address2 ?? null;
    this.city = fields.city ?? null;
    this.company = fields.company ?? null;
    this.countryCodeV2 = fields.countryCode ?? null;
    this.provinceCode = fields.provinceCode ?? null;
    this.zip = fields.zip ?? null;
    this.firstName = fields.firstName ?? null;
    this.lastName = fields.lastName ?? null;
    this.phone = fields.phone ?? null;
  }

  get __typename() {
    return 'MailingAddress';
  }
  get id() {
    return `${gid('MailingAddress', this.num)}?model_name=${this.modelName}`;
  }
  get country() {
    return countryName(this.countryCodeV2);
  }
  get countryCode() {
    return this.countryCodeV2;
  }
  get province() {
    return provinceName(this.countryCodeV2, this.provinceCode);
  }
  get name() {
    const name = [this.firstName, this.lastName].filter(Boolean).join(' ');
    return name || null;
  }
  get formattedArea() {
    return [this.city, this.provinceCode, this.country].filter(Boolean).join(', ') || null;
  }
  formatted(args: { withName?: boolean | null; withCompany?: boolean | null }) {
    const lines: string[] = [];
    if (args.withName && this.name) lines.push(this.name);
    if (args.withCompany !== false && this.company) lines.push(this.company);
    for (const line of [this.address1, this.address2]) if (line) lines.push(line);
    const area = [this.city, [this.provinceCode, this.zip].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(' ');
    if (area) lines.push(area);
    if (this.country) lines.push(this.country);
    return lines;
  }
  get coordinatesValidated() {
    return false;
  }
  get latitude() {
    return null;
  }
  get longitude() {
    return null;
  }
  get timeZone() {
    return null;
  }
  get validationResultSummary() {
    return null;
  }
  /** REST-shaped copy for webhook payloads. */
  toRest() {
    return {
      first_name: this.firstName,
      last_name: this.lastName,
      company: this.company,
      address1: this.address1,
      address2: this.address2,
      city: this.city,
      province: this.province,
      province_code: this.provinceCode,
      zip: this.zip,
      country: this.country,
      country_code: this.countryCodeV2,
      phone: this.phone,
      name: this.name,
    };
  }
}
