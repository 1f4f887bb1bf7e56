/**
 * Address validity for shipping: required fields per country, postcode formats (US, CA, GB, DE, FR,
 * NL, AU, JP and a generic rule), US state / Canadian province / Australian state codes, and PO
 * boxes flagged for each service that cannot deliver to one. Every problem names its field path.
 *
 * @example
 * validateAddress({ line1: 'PO Box 12', city: 'Austin', region: 'TX', postal_code: '7870', country: 'US' },
 *   { services: [{ id: 'ups_ground', mode: 'ground', delivers_to_po_box: false }] });
 * // → invalid_postcode at ship_to.postal_code, po_box_not_deliverable at ship_to.line1 (ups_ground)
 */
import { formatFor, PO_BOX, type AddressField } from './address-formats.js';
import type { ServiceCandidate, ShipTo } from './input.js';
import { countryName, normalizeRegion } from './match.js';
import type { AddressProblem } from './verdict.js';

const LABELS: Record<AddressField, string> = {
  line1: 'street address (line1)',
  city: 'city',
  region: 'state, province or region',
  postal_code: 'postcode',
};

export interface AddressCheckOptions {
  /** Candidate services; PO boxes are flagged for those that cannot deliver to one. */
  services?: readonly Pick<ServiceCandidate, 'id' | 'delivers_to_po_box'>[];
  /** Path prefix of the address in the caller's request (default `ship_to`). */
  fieldPrefix?: string;
}

/** True when a street line looks like a PO box. */
export function isPoBox(address: Pick<ShipTo, 'line1' | 'line2'>): boolean {
  return [address.line1, address.line2].some((line) => line !== undefined && PO_BOX.test(line));
}

/** Every problem with the address, in field order; an empty list means it can be shipped to. */
export function validateAddress(address: ShipTo, options: AddressCheckOptions = {}): AddressProblem[] {
  const prefix = options.fieldPrefix ?? 'ship_to';
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const country = address.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    return [
      {
        code: 'invalid_country',
        field: at('country'),
        message: `"${address.country}" is not a country code: use the two-letter ISO code, such as "US" or "DE".`,
      },
    ];
  }
  const format = formatFor(country);
  const name = countryName(country);
  const problems: AddressProblem[] = [];
  for (const field of format.required) {
    if (!address[field]?.trim()) {
      problems.push({
        code: 'missing_field',
        field: at(field),
        message: `Add the ${LABELS[field]}: it is required for addresses in ${name}.`,
      });
    }
  }
  const region = address.region?.trim();
  if (region && format.regions && !format.regions.has(normalizeRegion(region, country))) {
    problems.push({
      code: 'invalid_region',
      field: at('region'),
      message: `"${region}" is not a valid region in ${name}: use the ${format.regionLabel ?? 'region code'}.`,
    });
  }
  const postcode = address.postal_code?.trim().toUpperCase();
  if (postcode && format.postcode && !format.postcode.test(postcode)) {
    problems.push({
      code: 'invalid_postcode',
      field: at('postal_code'),
      message: `"${address.postal_code}" is not a valid postcode for ${name} (for example ${format.postcodeExample}). Correct the postcode.`,
    });
  }
  if (isPoBox(address)) {
    const field = address.line1 !== undefined && PO_BOX.test(address.line1) ? 'line1' : 'line2';
    for (const service of options.services ?? []) {
      if (service.delivers_to_po_box) continue;
      problems.push({
        code: 'po_box_not_deliverable',
        field: at(field),
        service_id: service.id,
        message: `Service "${service.id}" cannot deliver to a PO box: give a street address, or choose a service that delivers to PO boxes.`,
      });
    }
  }
  return problems;
}
