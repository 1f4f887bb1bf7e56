/**
 * Allocation: which fulfilment locations serve which cart lines. One location serving everything is
 * preferred; otherwise the cart is split into as few shipments as a greedy set cover finds: each
 * step takes the location that can fully serve the most remaining lines. Ties go to the preferred
 * location, then the lower `cost` (e.g. the cheapest rate, when the caller supplies one), then the
 * location closest to the destination (same region, then same country), then id order.
 *
 * A line no single location can fill is split across locations (those already shipping first)
 * when their stock together suffices; otherwise it is unservable with `insufficient_stock`,
 * naming what is available and what was requested. Greedy set cover is not always minimal
 * (it is within a log factor), but it is deterministic: the same input gives the same allocation.
 *
 * @example
 * allocate({ lines: [{ line_id: '0', variant_id: 'v1', quantity: 2 }],
 *   stock: [{ variant_id: 'v1', location_id: 'loc_a', available: 5 }],
 *   locations: [{ id: 'loc_a', origin: { country: 'US' } }], destination: { country: 'US' } });
 * // → { shipments: [{ location_id: 'loc_a', lines: [{ line_id: '0', variant_id: 'v1', quantity: 2 }] }], unservable: [], split: false }
 */

export interface AllocationLine {
  line_id: string;
  variant_id: string;
  quantity: number;
}

/** Available-to-promise of one variant at one location (holds already subtracted). */
export interface StockLevel {
  variant_id: string;
  location_id: string;
  available: number;
}

export interface CandidateLocation {
  id: string;
  origin: { country: string; region?: string | undefined } | null;
}

export interface AllocationRequest {
  lines: readonly AllocationLine[];
  stock: readonly StockLevel[];
  /** Locations that may fulfil this order (active, online, in the shipping profile). */
  locations: readonly CandidateLocation[];
  destination: { country: string; region?: string | undefined };
  preferred_location_id?: string | undefined;
}

export interface Shipment {
  location_id: string;
  lines: AllocationLine[];
}

export interface UnservableLine {
  line_id: string;
  variant_id: string;
  /** `destination_not_served` is set by `quoteShipping` when no zone of the profile covers the address. */
  reason: 'insufficient_stock' | 'destination_not_served';
  requested: number;
  /** Total available across the eligible locations. */
  available: number;
  message: string;
}

export interface Allocation {
  shipments: Shipment[];
  unservable: UnservableLine[];
  /** True when more than one location ships. */
  split: boolean;
}

/** Lower is better; called with a location and the lines it would ship. */
export type LocationCost = (locationId: string, lines: readonly AllocationLine[]) => number;

const key = (variant: string, location: string) => `${variant}\u0000${location}`;

function closeness(location: CandidateLocation, destination: AllocationRequest['destination']): number {
  const origin = location.origin;
  if (!origin || origin.country !== destination.country.toUpperCase()) return 2;
  const same =
    origin.region && destination.region && origin.region.toUpperCase() === destination.region.toUpperCase();
  return same ? 0 : 1;
}

/** Lines `location` can fully serve from `remaining` stock, taken in input order. */
function fits(
  lines: readonly AllocationLine[],
  location: string,
  remaining: Map<string, number>,
): AllocationLine[] {
  const used = new Map<string, number>();
  return lines.filter((line) => {
    const k = key(line.variant_id, location);
    const left = (remaining.get(k) ?? 0) - (used.get(k) ?? 0);
    if (left < line.quantity) return false;
    used.set(k, (used.get(k) ?? 0) + line.quantity);
    return true;
  });
}

/** Allocates lines to locations. Pure and deterministic. */
export function allocate(request: AllocationRequest, cost?: LocationCost): Allocation {
  const remaining = new Map<string, number>();
  const eligible = new Set(request.locations.map((l) => l.id));
  for (const s of request.stock) {
    if (eligible.has(s.location_id))
      remaining.set(key(s.variant_id, s.location_id), Math.max(0, s.available));
  }
  const locations = [...request.locations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const compare = (a: CandidateLocation, b: CandidateLocation, lines: readonly AllocationLine[]): number => {
    const preferred = request.preferred_location_id;
    if (preferred && (a.id === preferred) !== (b.id === preferred)) return a.id === preferred ? -1 : 1;
    if (cost) {
      const diff = cost(a.id, lines) - cost(b.id, lines);
      if (diff !== 0 && !Number.isNaN(diff)) return diff;
    }
    return closeness(a, request.destination) - closeness(b, request.destination) || (a.id < b.id ? -1 : 1);
  };
  const byLocation = new Map<string, AllocationLine[]>();
  const take = (location: string, line: AllocationLine, quantity: number) => {
    const k = key(line.variant_id, location);
    remaining.set(k, (remaining.get(k) ?? 0) - quantity);
    const shipped = { line_id: line.line_id, variant_id: line.variant_id, quantity };
    byLocation.set(location, [...(byLocation.get(location) ?? []), shipped]);
  };

  // Greedy set cover over whole lines.
  let open = [...request.lines];
  while (open.length > 0) {
    let best: { location: CandidateLocation; lines: AllocationLine[] } | undefined;
    for (const location of locations) {
      const served = fits(open, location.id, remaining);
      if (served.length === 0) continue;
      if (
        !best ||
        served.length > best.lines.length ||
        (served.length === best.lines.length && compare(location, best.location, served) < 0)
      ) {
        best = { location, lines: served };
      }
    }
    if (!best) break;
    for (const line of best.lines) take(best.location.id, line, line.quantity);
    const done = new Set(best.lines);
    open = open.filter((l) => !done.has(l));
  }

  // Lines no single location can fill: split them, or report them.
  const unservable: UnservableLine[] = [];
  for (const line of open) {
    const order = [...locations].sort((a, b) => {
      const used = Number(byLocation.has(b.id)) - Number(byLocation.has(a.id));
      return used || compare(a, b, [line]);
    });
    const total = order.reduce((sum, l) => sum + (remaining.get(key(line.variant_id, l.id)) ?? 0), 0);
    if (total < line.quantity) {
      unservable.push({
        line_id: line.line_id,
        variant_id: line.variant_id,
        reason: 'insufficient_stock',
        requested: line.quantity,
        available: total,
        message: `Only ${total} of the ${line.quantity} requested can be shipped to this address from the locations that fulfil online orders. Reduce the quantity to ${total} or remove the line.`,
      });
      continue;
    }
    let need = line.quantity;
    for (const location of order) {
      const have = remaining.get(key(line.variant_id, location.id)) ?? 0;
      if (need === 0) break;
      if (have <= 0) continue;
      const quantity = Math.min(have, need);
      take(location.id, line, quantity);
      need -= quantity;
    }
  }

  const index = new Map(request.lines.map((l, i) => [l.line_id, i]));
  const position = (l: AllocationLine) => index.get(l.line_id) ?? 0;
  const shipments = [...byLocation.entries()].map(([location_id, lines]) => ({
    location_id,
    lines: [...lines].sort((a, b) => position(a) - position(b)),
  }));
  return { shipments, unservable, split: shipments.length > 1 };
}
