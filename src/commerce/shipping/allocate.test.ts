import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type AllocationRequest, type CandidateLocation, type StockLevel } from './allocate.js';

const nj: CandidateLocation = { id: 'loc_nj', origin: { country: 'US', region: 'NJ' } };
const nv: CandidateLocation = { id: 'loc_nv', origin: { country: 'US', region: 'NV' } };
const tx: CandidateLocation = { id: 'loc_tx', origin: { country: 'US', region: 'TX' } };
const to: CandidateLocation = { id: 'loc_to', origin: { country: 'CA', region: 'ON' } };

const line = (i: number, variant: string, quantity = 1) => ({
  line_id: String(i),
  variant_id: variant,
  quantity,
});
const stock = (variant: string, location: CandidateLocation, available: number): StockLevel => ({
  variant_id: variant,
  location_id: location.id,
  available,
});
const texas = { country: 'US', region: 'TX' };

function request(over: Partial<AllocationRequest>): AllocationRequest {
  return { lines: [], stock: [], locations: [nj, nv, tx, to], destination: texas, ...over };
}

describe('allocate', () => {
  it('given one location has everything when allocated then one shipment from it carries every line', () => {
    const result = allocate(
      request({
        lines: [line(0, 'a', 2), line(1, 'b', 1)],
        stock: [stock('a', nj, 5), stock('b', nj, 1), stock('a', nv, 1)],
      }),
    );
    expect(result).toEqual({
      shipments: [{ location_id: 'loc_nj', lines: [line(0, 'a', 2), line(1, 'b', 1)] }],
      unservable: [],
      split: false,
    });
  });

  it('given two locations have everything when allocated then the one in the destination state wins', () => {
    const result = allocate(
      request({ lines: [line(0, 'a')], stock: [stock('a', nj, 5), stock('a', tx, 5)] }),
    );
    expect(result.shipments.map((s) => s.location_id)).toEqual(['loc_tx']);
  });

  it('given a preferred location that has everything when allocated then it is honoured over a closer one', () => {
    const result = allocate(
      request({
        lines: [line(0, 'a')],
        stock: [stock('a', nj, 5), stock('a', tx, 5)],
        preferred_location_id: 'loc_nj',
      }),
    );
    expect(result.shipments.map((s) => s.location_id)).toEqual(['loc_nj']);
  });

  it('given a preferred location lacking an item when another has everything then the single shipment wins', () => {
    const result = allocate(
      request({
        lines: [line(0, 'a'), line(1, 'b')],
        stock: [stock('a', nj, 5), stock('a', nv, 5), stock('b', nv, 5)],
        preferred_location_id: 'loc_nj',
      }),
    );
    expect(result.shipments).toEqual([{ location_id: 'loc_nv', lines: [line(0, 'a'), line(1, 'b')] }]);
  });

  it('given a cost function when two locations tie then the cheaper one wins before closeness', () => {
    const cost = (id: string) => (id === 'loc_nv' ? 500 : 900);
    const result = allocate(
      request({ lines: [line(0, 'a')], stock: [stock('a', nv, 1), stock('a', tx, 1)] }),
      cost,
    );
    expect(result.shipments.map((s) => s.location_id)).toEqual(['loc_nv']);
  });

  it('given equal candidates in the same country when allocated then the lower id wins', () => {
    const result = allocate(
      request({
        lines: [line(0, 'a')],
        stock: [stock('a', nv, 1), stock('a', nj, 1)],
        destination: { country: 'US', region: 'OH' },
      }),
    );
    expect(result.shipments.map((s) => s.location_id)).toEqual(['loc_nj']);
  });

  it('given no location has everything when allocated then the cart splits into the fewest shipments', () => {
    // NJ has a+b, NV has c, TX has a+c, Toronto has b: the optimum is NJ (a, b) + NV or TX (c).
    const result = allocate(
      request({
        lines: [line(0, 'a', 2), line(1, 'b', 1), line(2, 'c', 3)],
        stock: [
          stock('a', nj, 2),
          stock('b', nj, 4),
          stock('c', nv, 3),
          stock('a', tx, 2),
          stock('c', tx, 9),
          stock('b', to, 1),
        ],
      }),
    );
    expect(result).toEqual({
      shipments: [
        { location_id: 'loc_tx', lines: [line(0, 'a', 2), line(2, 'c', 3)] },
        { location_id: 'loc_nj', lines: [line(1, 'b', 1)] },
      ],
      unservable: [],
      split: true,
    });
  });

  it('given a line no single location can fill when stock together suffices then the line is split', () => {
    const result = allocate(
      request({
        lines: [line(0, 'a', 5), line(1, 'b', 1)],
        stock: [stock('a', nj, 3), stock('b', nj, 1), stock('a', nv, 4)],
      }),
    );
    expect(result.shipments).toEqual([
      { location_id: 'loc_nj', lines: [line(0, 'a', 3), line(1, 'b', 1)] },
      { location_id: 'loc_nv', lines: [line(0, 'a', 2)] },
    ]);
  });

  it('given too little stock anywhere when allocated then the line is unservable with available and requested', () => {
    const result = allocate(
      request({
        lines: [line(0, 'a', 10), line(1, 'b', 1)],
        stock: [stock('a', nj, 3), stock('a', nv, 4), stock('b', nj, 1)],
      }),
    );
    expect(result.shipments).toEqual([{ location_id: 'loc_nj', lines: [line(1, 'b', 1)] }]);
    expect(result.unservable).toEqual([
      expect.objectContaining({
        line_id: '0',
        variant_id: 'a',
        reason: 'insufficient_stock',
        requested: 10,
        available: 7,
      }),
    ]);
    expect(result.unservable[0]!.message).toContain('Reduce the quantity to 7');
  });

  it('given stock at a location that is not a candidate when allocated then it is not used', () => {
    const result = allocate(request({ lines: [line(0, 'a')], stock: [stock('a', nj, 5)], locations: [nv] }));
    expect(result.shipments).toEqual([]);
    expect(result.unservable[0]).toMatchObject({ requested: 1, available: 0 });
  });

  it('given two lines of the same variant when one location holds enough for only one then they do not overdraw it', () => {
    const result = allocate(
      request({ lines: [line(0, 'a', 2), line(1, 'a', 2)], stock: [stock('a', nj, 3), stock('a', nv, 2)] }),
    );
    expect(result.shipments).toEqual([
      { location_id: 'loc_nj', lines: [line(0, 'a', 2)] },
      { location_id: 'loc_nv', lines: [line(1, 'a', 2)] },
    ]);
  });

  it('given any cart and stock when allocated then no location ships more than it has and every unit is accounted for', () => {
    const locs = [nj, nv, tx];
    const arb = fc.record({
      lines: fc.array(fc.record({ v: fc.constantFrom('a', 'b', 'c'), q: fc.integer({ min: 1, max: 6 }) }), {
        minLength: 1,
        maxLength: 6,
      }),
      stock: fc.array(fc.nat({ max: 8 }), { minLength: 9, maxLength: 9 }),
    });
    fc.assert(
      fc.property(arb, ({ lines, stock: amounts }) => {
        const levels = locs.flatMap((l, i) =>
          ['a', 'b', 'c'].map((v, j) => stock(v, l, amounts[i * 3 + j]!)),
        );
        const req = request({
          lines: lines.map((l, i) => line(i, l.v, l.q)),
          stock: levels,
          locations: locs,
        });
        const result = allocate(req);
        expect(allocate(req)).toEqual(result);
        for (const level of levels) {
          const shipped = result.shipments
            .filter((s) => s.location_id === level.location_id)
            .flatMap((s) => s.lines)
            .filter((l) => l.variant_id === level.variant_id)
            .reduce((sum, l) => sum + l.quantity, 0);
          expect(shipped).toBeLessThanOrEqual(level.available);
        }
        req.lines.forEach((l) => {
          const shipped = result.shipments.flatMap((s) => s.lines).filter((x) => x.line_id === l.line_id);
          const total = shipped.reduce((sum, x) => sum + x.quantity, 0);
          const refused = result.unservable.some((u) => u.line_id === l.line_id);
          expect(refused ? total === 0 : total === l.quantity).toBe(true);
        });
      }),
    );
  });
});
