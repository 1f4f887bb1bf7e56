/**
 * Releases the stock a session's quote holds, when the session moves to another quote (an update
 * that re-quotes) or is canceled, so a session never competes with its own earlier holds.
 *
 * @example
 * await releaseQuoteHolds(rt.db, 'mer_a', 'quo_…', new Date()); // → number of holds released
 */
import type { Database } from '../../store/db.js';
import { QuoteStore } from '../../store/quotes.js';

export function releaseQuoteHolds(
  db: Database,
  merchantId: string,
  quoteId: string,
  now: Date,
): Promise<number> {
  return new QuoteStore(db).release(merchantId, quoteId, now);
}
