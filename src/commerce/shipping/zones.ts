/**
 * Zone matching: which zone of the profile a destination falls in. A zone names countries ("*" for
 * any) and may narrow them to regions or postcodes (prefixes or same-length ranges); a zone that
 * narrows matches only when the region OR the postcode fits. The most specific zone wins
 * (postcode > region > country > "*"), then the first in profile order.
 *
 * @example
 * findZone(profile.zones, { country: 'US', postal_code: '99501' })?.zone.id; // 'us_remote'
 */
import type { Zone } from './profile.js';

/** What zone matching needs of a destination. */
export interface ZoneDestination {
  country: string;
  region?: string | undefined;
  postal_code?: string | undefined;
}

export type ZoneSpecificity = 'postcode' | 'region' | 'country' | 'any';
const SCORE: Record<ZoneSpecificity, number> = { postcode: 3, region: 2, country: 1, any: 0 };

const normPostcode = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');

function normRegion(region: string, country: string): string {
  const upper = region.trim().toUpperCase();
  return upper.startsWith(`${country}-`) ? upper.slice(country.length + 1) : upper;
}

function postcodeFits(zone: Zone, postcode: string): boolean {
  const pc = normPostcode(postcode);
  const codes = zone.postal_codes;
  if (!codes || !pc) return false;
  if (codes.prefixes.some((p) => pc.startsWith(normPostcode(p)))) return true;
  return codes.ranges.some((r) => {
    const from = normPostcode(r.from);
    const to = normPostcode(r.to);
    const head = pc.slice(0, from.length);
    return head.length === from.length && head >= from && head <= to;
  });
}

/** How specifically a zone matches a destination, or `undefined` when it does not. */
export function zoneMatch(zone: Zone, destination: ZoneDestination): ZoneSpecificity | undefined {
  const country = destination.country.trim().toUpperCase();
  const named = zone.countries.includes(country);
  if (!named && !zone.countries.includes('*')) return undefined;
  const narrowed = (zone.regions?.length ?? 0) > 0 || zone.postal_codes !== undefined;
  if (!narrowed) return named ? 'country' : 'any';
  if (destination.postal_code && postcodeFits(zone, destination.postal_code)) return 'postcode';
  const region = destination.region ? normRegion(destination.region, country) : undefined;
  if (region && zone.regions?.some((r) => normRegion(r, country) === region)) return 'region';
  return undefined;
}

/** The best zone for a destination, or `undefined` when no zone covers it. */
export function findZone(
  zones: readonly Zone[],
  destination: ZoneDestination,
): { zone: Zone; specificity: ZoneSpecificity } | undefined {
  let best: { zone: Zone; specificity: ZoneSpecificity } | undefined;
  for (const zone of zones) {
    const specificity = zoneMatch(zone, destination);
    if (specificity && (!best || SCORE[specificity] > SCORE[best.specificity])) best = { zone, specificity };
  }
  return best;
}
