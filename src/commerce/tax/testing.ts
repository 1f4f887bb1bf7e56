/**
 * Test helpers for the tax engine: a one-line order builder, so table tests read as
 * "ship this to that jurisdiction, expect this many minor units of tax".
 *
 * @example
 * const result = calculateTax(order('US', 'TX', [line(1999)], { origin: { country: 'US', region: 'TX' } }));
 */
import type { TaxCategory } from './categories.js';
import type { TaxInputRequest } from './input.js';

type LineRequest = TaxInputRequest['lines'][number];

export function line(
  unitAmount: number,
  category: TaxCategory = 'standard',
  extra: Partial<LineRequest> = {},
): LineRequest {
  return { id: `l${unitAmount}-${category}`, unit_amount: unitAmount, quantity: 1, category, ...extra };
}

const CURRENCY: Record<string, string> = { US: 'USD', CA: 'CAD', GB: 'GBP' };

/**
 * An order shipped to `country`/`region`. Unless overridden, the seller ships from elsewhere in the
 * same market (a US seller in another state, DE for the EU, GB, a CA seller in Alberta) and is
 * registered for everything at the destination.
 */
export function order(
  country: string,
  region: string | undefined,
  lines: LineRequest[],
  overrides: Partial<TaxInputRequest> = {},
): TaxInputRequest {
  const isEu = !['US', 'CA', 'GB'].includes(country);
  const origin =
    country === 'US'
      ? { country: 'US', region: region === 'NV' ? 'AZ' : 'NV' }
      : isEu
        ? { country: 'DE' }
        : country === 'CA'
          ? { country: 'CA', region: 'AB' }
          : { country: 'GB' };
  return {
    currency: CURRENCY[country] ?? 'EUR',
    origin,
    ship_to: region ? { country, region } : { country },
    registrations: {
      us_states: country === 'US' && region ? [region as 'TX'] : [],
      eu_oss: isEu,
      gb: country === 'GB',
      ca_gst_hst: country === 'CA',
      ca_provinces: ['BC', 'MB', 'SK', 'QC'],
    },
    lines,
    ...overrides,
  };
}
