/**
 * Which taxes apply to an order: from the ship-to address and the merchant's registrations, the
 * list of jurisdictions to charge (with their sourcing and whether they tax shipping), the ones
 * skipped for lack of registration, or the reason no tax applies at all.
 *
 * - US: the destination state, if the merchant is registered there (Wayfair-era remote sales
 *   are destination-sourced). For an intrastate sale in an origin-based state the state rate is
 *   the same, but `sourcing: 'origin'` tells a local-rate provider to use the seller's address.
 * - EU: the destination member state's VAT when the merchant uses the OSS or holds a VAT number
 *   there (destination principle for B2C distance sales; a domestic sale needs the domestic
 *   registration, which an OSS user established there has).
 * - GB: UK VAT when registered. CA: GST or HST of the destination province when GST/HST
 *   registered, plus PST/RST/QST when registered in that province.
 *
 * @example
 * resolveJurisdictions(parseTaxInput({ ...order, ship_to: { country: 'CA', region: 'BC' } }));
 * // { status: 'calculated', jurisdictions: [GST, BC PST], skipped: [] }
 */
import { ConcordError } from '../../core/errors.js';
import {
  isCaHstProvince,
  isCaProvince,
  isCaProvincialTaxProvince,
  isEuMember,
  isUsState,
  type CaProvinceCode,
  type UsStateCode,
} from './codes.js';
import type { TaxAddress, TaxInput, TaxRegistrations } from './input.js';
import type { JurisdictionRates, TaxTable } from './rates/schema.js';
import { TAX_TABLE } from './rates/table.js';
import type { NoTaxReason, TaxSkipped, TaxSourcing } from './result.js';

export interface ResolvedJurisdiction {
  entry: JurisdictionRates;
  sourcing: TaxSourcing;
  /** False when the jurisdiction does not tax a separately stated delivery charge (some US states). */
  taxesShipping: boolean;
}

export type Resolution =
  | { status: 'calculated'; jurisdictions: ResolvedJurisdiction[]; skipped: TaxSkipped[]; notes: string[] }
  | { status: 'no_tax'; reason: NoTaxReason; skipped: TaxSkipped[]; notes: string[] };

export const US_SCOPE_NOTE =
  'US: state-level rate only; county, city and district taxes are not included (use a TaxProvider for them)';

/** The registrations to use: the declared ones, or by default only where the merchant ships from. */
export function effectiveRegistrations(input: Pick<TaxInput, 'origin' | 'registrations'>): TaxRegistrations {
  if (input.registrations) return input.registrations;
  const { country, region } = input.origin;
  if (country === 'US') return region && isUsState(region) ? { us_states: [region] } : {};
  if (isEuMember(country)) return { eu_countries: [country] };
  if (country === 'GB') return { gb: true };
  if (country === 'CA') {
    return { ca_gst_hst: true, ca_provinces: region && isCaProvincialTaxProvince(region) ? [region] : [] };
  }
  return {};
}

const skip = (entry: JurisdictionRates): TaxSkipped => ({
  code: entry.code,
  name: entry.name,
  kind: entry.kind,
  reason: 'not_registered',
});

function requireRegion<T extends string>(address: TaxAddress, valid: (code: string) => code is T): T {
  const region = address.region;
  if (region === undefined) {
    throw new ConcordError(
      'validation',
      'tax_region_required',
      `A ${address.country} ship-to address needs a region`,
      {
        field: 'ship_to.region',
      },
    );
  }
  if (!valid(region)) {
    throw new ConcordError(
      'validation',
      'unknown_tax_region',
      `"${region}" is not a region of ${address.country}`,
      {
        field: 'ship_to.region',
        detail: { country: address.country, region },
      },
    );
  }
  return region;
}

function resolveUs(input: TaxInput, regs: TaxRegistrations, table: TaxTable): Resolution {
  const region: UsStateCode = requireRegion(input.ship_to, isUsState);
  const entry = table.us[region]!;
  const notes = [US_SCOPE_NOTE];
  if (entry.no_sales_tax) return { status: 'no_tax', reason: 'no_sales_tax', skipped: [], notes };
  if (!regs.us_states?.includes(region)) {
    return { status: 'no_tax', reason: 'not_registered', skipped: [skip(entry)], notes };
  }
  const intrastate = input.origin.country === 'US' && input.origin.region === region;
  const sourcing: TaxSourcing = intrastate && entry.sourcing === 'origin' ? 'origin' : 'destination';
  if (sourcing === 'origin') {
    notes.push(`${entry.code}: intrastate sale in an origin-based state; local rates would be the seller's`);
  }
  return {
    status: 'calculated',
    jurisdictions: [{ entry, sourcing, taxesShipping: entry.shipping === 'taxable' }],
    skipped: [],
    notes,
  };
}

function resolveCa(input: TaxInput, regs: TaxRegistrations, table: TaxTable): Resolution {
  const province: CaProvinceCode = requireRegion(input.ship_to, isCaProvince);
  const federal = isCaHstProvince(province) ? table.ca_hst[province]! : table.ca_gst;
  const candidates: { entry: JurisdictionRates; registered: boolean }[] = [
    { entry: federal, registered: regs.ca_gst_hst === true },
  ];
  if (isCaProvincialTaxProvince(province)) {
    candidates.push({
      entry: table.ca_provincial[province]!,
      registered: regs.ca_provinces?.includes(province) === true,
    });
  }
  return fromCandidates(candidates);
}

function fromCandidates(candidates: { entry: JurisdictionRates; registered: boolean }[]): Resolution {
  const skipped = candidates.filter((c) => !c.registered).map((c) => skip(c.entry));
  const jurisdictions = candidates
    .filter((c) => c.registered)
    .map((c): ResolvedJurisdiction => ({ entry: c.entry, sourcing: 'destination', taxesShipping: true }));
  if (jurisdictions.length === 0) return { status: 'no_tax', reason: 'not_registered', skipped, notes: [] };
  return { status: 'calculated', jurisdictions, skipped, notes: [] };
}

/** Decides which jurisdictions tax this order. Throws `validation` errors for a missing/unknown region. */
export function resolveJurisdictions(input: TaxInput, table: TaxTable = TAX_TABLE): Resolution {
  const regs = effectiveRegistrations(input);
  const country = input.ship_to.country;
  if (country === 'US') return resolveUs(input, regs, table);
  if (country === 'CA') return resolveCa(input, regs, table);
  if (country === 'GB') return fromCandidates([{ entry: table.gb, registered: regs.gb === true }]);
  if (isEuMember(country)) {
    const registered = regs.eu_oss === true || regs.eu_countries?.includes(country) === true;
    const resolution = fromCandidates([{ entry: table.eu[country]!, registered }]);
    if (resolution.status === 'calculated' && input.origin.country !== country) {
      resolution.notes.push(
        `${country}: destination VAT (OSS); the €10,000 EU distance-sales threshold is not applied`,
      );
    }
    return resolution;
  }
  return { status: 'no_tax', reason: 'destination_not_covered', skipped: [], notes: [] };
}
