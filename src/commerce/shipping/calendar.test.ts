import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  deliveryWindow,
  isBusinessDay,
  localDateHour,
  nextBusinessDay,
} from './calendar.js';

const ny = { timezone: 'America/New_York', cutoffHour: 15, handlingDays: 1, minDays: 1, maxDays: 3 };

describe('business-day calendar', () => {
  it('given a Saturday, a Sunday and a listed holiday when checked then none is a business day', () => {
    const holidays = new Set(['2026-05-25']);
    expect(['2026-03-07', '2026-03-08', '2026-05-25'].map((d) => isBusinessDay(d, holidays))).toEqual([
      false,
      false,
      false,
    ]);
    expect(isBusinessDay('2026-03-09', holidays)).toBe(true);
  });

  it('given a Friday when moved by business days then the weekend is skipped', () => {
    expect(nextBusinessDay('2026-03-06')).toBe('2026-03-09');
    expect(addBusinessDays('2026-03-06', 3)).toBe('2026-03-11');
    expect(addBusinessDays('2026-03-06', 0)).toBe('2026-03-06');
  });

  it('given an instant when read in New York and Tokyo then the local date and hour differ', () => {
    const now = new Date('2026-03-06T20:30:00Z');
    expect(localDateHour(now, 'America/New_York')).toEqual({ date: '2026-03-06', hour: 15 });
    expect(localDateHour(now, 'Asia/Tokyo')).toEqual({ date: '2026-03-07', hour: 5 });
  });

  it('given Thursday 14:00, before the cutoff, when dated then it ships Friday and arrives after the weekend', () => {
    const window = deliveryWindow(new Date('2026-03-05T19:00:00Z'), ny);
    expect(window).toEqual({ ships_on: '2026-03-06', earliest: '2026-03-09', latest: '2026-03-11' });
  });

  it('given Thursday 15:00, at the cutoff, when dated then handling starts Friday and it ships Monday', () => {
    const window = deliveryWindow(new Date('2026-03-05T20:00:00Z'), ny);
    expect(window).toEqual({ ships_on: '2026-03-09', earliest: '2026-03-10', latest: '2026-03-12' });
  });

  it('given an order on Saturday when dated then handling starts Monday', () => {
    const window = deliveryWindow(new Date('2026-03-07T15:00:00Z'), { ...ny, handlingDays: 0 });
    expect(window.ships_on).toBe('2026-03-09');
  });

  it('given a holiday on the shipping day when dated then shipping and delivery move past it', () => {
    const window = deliveryWindow(new Date('2026-05-22T14:00:00Z'), {
      ...ny,
      holidays: new Set(['2026-05-25']),
    });
    expect(window).toEqual({ ships_on: '2026-05-26', earliest: '2026-05-27', latest: '2026-05-29' });
  });

  it('given a cutoff of 24 and no handling when dated at 23:00 on a business day then it ships the same day', () => {
    const window = deliveryWindow(new Date('2026-03-03T04:00:00Z'), {
      ...ny,
      cutoffHour: 24,
      handlingDays: 0,
    });
    expect(window.ships_on).toBe('2026-03-02');
  });
});
