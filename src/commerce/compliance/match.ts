/**
 * Pure matching of goods and places against rules: does a line's classification match a rule's
 * `applies_to`, and does a ship-to address fall inside a `DestinationMatch`. Comparisons ignore case
 * and surrounding spaces; a region may be given as "TX", "US-TX" or a name the rule lists.
 *
 * @example
 * productMatches({ categories: ['Wine'], tags: [], attributes: {}, hazmat: false }, { categories: ['wine'] }); // true
 * destinationMatches({ country: 'UA', region: 'UA-43' }, { countries: ['UA'], regions: ['43'] }); // true
 */
import type { DestinationMatch, ProductMatch } from './rules.js';

/** What matching needs from a line. */
export interface Classification {
  categories: readonly string[];
  tags: readonly string[];
  attributes: Readonly<Record<string, string>>;
  hazmat: boolean;
}

/** What matching needs from a destination. */
export interface Place {
  country: string;
  region?: string | undefined;
  postal_code?: string | undefined;
}

const norm = (s: string): string => s.trim().toLowerCase();

/** True when ANY criterion of the match holds for the line. */
export function productMatches(subject: Classification, match: ProductMatch): boolean {
  const categories = new Set(subject.categories.map(norm));
  const tags = new Set(subject.tags.map(norm));
  if (match.categories?.some((c) => categories.has(norm(c)))) return true;
  if (match.tags?.some((t) => tags.has(norm(t)))) return true;
  if (match.hazmat !== undefined && match.hazmat === subject.hazmat) return true;
  const attributes = new Map(Object.entries(subject.attributes).map(([k, v]) => [norm(k), norm(v)]));
  for (const [name, values] of Object.entries(match.attributes ?? {})) {
    const value = attributes.get(norm(name));
    if (value !== undefined && values.some((v) => norm(v) === value)) return true;
  }
  return false;
}

/** Country code in upper case, as written in rules. */
export function normalizeCountry(country: string): string {
  return country.trim().toUpperCase();
}

/** "us-tx" → "TX" when the country is US; names stay names. Upper case, single spaces. */
export function normalizeRegion(region: string, country: string): string {
  const upper = region.trim().toUpperCase().replace(/\s+/g, ' ');
  const prefix = `${normalizeCountry(country)}-`;
  return upper.startsWith(prefix) ? upper.slice(prefix.length) : upper;
}

/** Upper case without spaces or dashes ("sw1a 1aa" → "SW1A1AA", "100-0001" → "1000001"). */
export function normalizePostcode(postcode: string): string {
  return postcode.toUpperCase().replace(/[\s-]/g, '');
}

/** True when the country is listed and, if the match narrows it, the region or postcode is listed. */
export function destinationMatches(place: Place, match: DestinationMatch): boolean {
  const country = normalizeCountry(place.country);
  if (!match.countries.includes(country)) return false;
  const regions = match.regions ?? [];
  const prefixes = match.postal_prefixes ?? [];
  if (regions.length === 0 && prefixes.length === 0) return true;
  if (place.region) {
    const region = normalizeRegion(place.region, country);
    if (regions.some((r) => normalizeRegion(r, country) === region)) return true;
  }
  if (place.postal_code) {
    const postcode = normalizePostcode(place.postal_code);
    if (prefixes.some((p) => postcode.startsWith(normalizePostcode(p)))) return true;
  }
  return false;
}

/** The first destination in the list that the place falls in, if any. */
export function firstMatch(place: Place, matches: readonly DestinationMatch[]): DestinationMatch | undefined {
  return matches.find((m) => destinationMatches(place, m));
}

/**
 * Whether an `allow_only` list forbids the place: it does when some entry covers the place's
 * country but no entry admits the place itself. Countries no entry names are not affected.
 */
export function outsideAllowList(place: Place, allowOnly: readonly DestinationMatch[]): boolean {
  const country = normalizeCountry(place.country);
  const covering = allowOnly.filter((m) => m.countries.includes(country));
  return covering.length > 0 && !covering.some((m) => destinationMatches(place, m));
}

/** "Cuba", "Texas (US)"-style plain name of a place for messages. */
export function placeName(place: Place, label?: string): string {
  if (label) return label;
  const country = normalizeCountry(place.country);
  const name = countryName(country);
  return place.region ? `${normalizeRegion(place.region, country)}, ${name}` : name;
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** English name of an ISO country code, or the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}
