// Dates as the store compares them: every event and range bound becomes a YYYY-MM-DD string,
// so ordering and range filters are plain string comparisons in any backend.
import type { DateRange } from './types.ts';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The first day a YYYY, YYYY-MM or YYYY-MM-DD date (or timestamp) covers; '' for none. */
export function firstDay(value: string | null | undefined): string {
  const m = PARTIAL_DATE.exec(value ?? '');
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : '';
}

/** The last day it covers, in string order (2023-02 ends at 2023-02-31, after every real day). */
export function lastDay(value: string): string {
  const m = PARTIAL_DATE.exec(value);
  return m ? `${m[1]}-${m[2] ?? '12'}-${m[3] ?? '31'}` : '';
}

/** When an event happened for ordering and ranges: its own date unless it only names a year,
 *  in which case the publication date says more; '' when neither is known. */
export function eventDay(date: string | null | undefined, published: string | null | undefined): string {
  if (date && date.length > 4) return firstDay(date);
  return firstDay(published) || firstDay(date);
}

/** Inclusive bounds of a range; a bound given as a year or month covers all of it. */
export function dayBounds(range: DateRange = {}): { from: string | null; to: string | null } {
  for (const v of [range.from, range.to]) {
    if (v != null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new Error(`not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${v}`);
  }
  return { from: range.from ? firstDay(range.from) : null, to: range.to ? lastDay(range.to) : null };
}
