import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import {
  encodeDate,
  encodeDateTime,
  encodeDecimal,
  latest,
  TBool,
  TDate,
  TDateTime,
  TDecimal,
  TText,
} from './codec.js';

describe('Tryton value encodings', () => {
  it('given a decimal string when encoded then it is a tagged Decimal, and a non-decimal is refused', () => {
    expect(encodeDecimal('19.99')).toEqual({ __class__: 'Decimal', decimal: '19.99' });
    expect(encodeDecimal('-3')).toEqual({ __class__: 'Decimal', decimal: '-3' });
    expect(() => encodeDecimal('1e3')).toThrow(ConcordError);
    expect(() => encodeDecimal('12,5')).toThrow(ConcordError);
  });

  it('given an ISO date or instant when encoded then the UTC calendar day and time are sent', () => {
    expect(encodeDate('2026-11-26')).toEqual({ __class__: 'date', year: 2026, month: 11, day: 26 });
    expect(encodeDate('2026-12-31T23:30:00-02:00')).toEqual({
      __class__: 'date',
      year: 2027,
      month: 1,
      day: 1,
    });
    expect(encodeDateTime('2026-01-02T03:04:05.678Z')).toEqual({
      __class__: 'datetime',
      year: 2026,
      month: 1,
      day: 2,
      hour: 3,
      minute: 4,
      second: 5,
      microsecond: 678_000,
    });
    expect(() => encodeDateTime('yesterday')).toThrow(ConcordError);
  });

  it('given Tryton values when decoded then decimals are strings, datetimes ISO UTC, 0/1 booleans, empty texts null', () => {
    expect(TDecimal.parse({ __class__: 'Decimal', decimal: '5.50' })).toBe('5.50');
    expect(TDecimal.parse(7)).toBe('7');
    expect(() => TDecimal.parse({ __class__: 'Decimal', decimal: 'NaN' })).toThrow();
    const dt = {
      __class__: 'datetime',
      year: 2026,
      month: 11,
      day: 26,
      hour: 19,
      minute: 38,
      second: 32,
      microsecond: 664541,
    };
    expect(TDateTime.parse(dt)).toBe('2026-11-26T19:38:32.664Z');
    expect(TDate.parse({ __class__: 'date', year: 2026, month: 2, day: 3 })).toBe('2026-02-03');
    expect([TBool.parse(1), TBool.parse(0), TBool.parse(true)]).toEqual([true, false, true]);
    expect([TText.parse(''), TText.parse(null), TText.parse(false), TText.parse('x')]).toEqual([
      null,
      null,
      null,
      'x',
    ]);
  });

  it('given any instant when encoded and decoded then the same instant comes back (to the millisecond)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString();
          expect(TDateTime.parse(encodeDateTime(iso))).toBe(iso);
        },
      ),
    );
  });

  it('given several instants when taking the latest then the latest wins and nothing gives the fallback', () => {
    expect(latest('F', '2026-01-01T00:00:00.000Z', null, '2026-02-01T00:00:00.000Z')).toBe(
      '2026-02-01T00:00:00.000Z',
    );
    expect(latest('F', null, undefined)).toBe('F');
  });
});
