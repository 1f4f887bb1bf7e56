/**
 * Business-day arithmetic for delivery estimates, pure and clock-free: the caller passes `now`.
 * Business days are Monday to Friday, minus the profile's holidays. Dates are calendar dates
 * (`YYYY-MM-DD`) in the shipping location's time zone.
 *
 * An order placed on a business day before the service's cutoff hour is handled from that day;
 * otherwise from the next business day. It ships after the location's handling days and arrives
 * after the service's transit days, all counted in business days.
 *
 * @example
 * // Friday 17:00 in New York, cutoff 15:00, 1 handling day, 1–3 transit days:
 * deliveryWindow(new Date('2026-03-06T22:00:00Z'), { timezone: 'America/New_York', cutoffHour: 15,
 *   handlingDays: 1, minDays: 1, maxDays: 3 });
 * // → { ships_on: '2026-03-10', earliest: '2026-03-11', latest: '2026-03-13' }
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date and hour (0–23) at `now` in a time zone. */
export function localDateHour(now: Date, timezone: string): { date: IsoDate; hour: number } {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(now).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

const toUtc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const fromUtc = (d: Date): IsoDate => d.toISOString().slice(0, 10);

function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Monday–Friday and not a holiday. */
export function isBusinessDay(date: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): boolean {
  const weekday = toUtc(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): IsoDate {
  let d = addDays(date, 1);
  while (!isBusinessDay(d, holidays)) d = addDays(d, 1);
  return d;
}

/** `date` moved forward by `days` business days (0 leaves it as is). */
export function addBusinessDays(
  date: IsoDate,
  days: number,
  holidays: ReadonlySet<IsoDate> = new Set(),
): IsoDate {
  let d = date;
  for (let i = 0; i < days; i++) d = nextBusinessDay(d, holidays);
  return d;
}

export interface WindowParams {
  timezone: string;
  /** Orders at or after this local hour are handled from the next business day (24 = never). */
  cutoffHour: number;
  handlingDays: number;
  minDays: number;
  maxDays: number;
  holidays?: ReadonlySet<IsoDate>;
}

export interface DeliveryWindow {
  ships_on: IsoDate;
  earliest: IsoDate;
  latest: IsoDate;
}

/** When an order placed at `now` ships and arrives. */
export function deliveryWindow(now: Date, p: WindowParams): DeliveryWindow {
  const holidays = p.holidays ?? new Set<IsoDate>();
  const { date, hour } = localDateHour(now, p.timezone);
  const start = isBusinessDay(date, holidays) && hour < p.cutoffHour ? date : nextBusinessDay(date, holidays);
  const ships_on = addBusinessDays(start, p.handlingDays, holidays);
  return {
    ships_on,
    earliest: addBusinessDays(ships_on, p.minDays, holidays),
    latest: addBusinessDays(ships_on, p.maxDays, holidays),
  };
}
