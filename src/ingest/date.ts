/** The calendar date a value starts with (`2023-05-05` or `2023-05-05T10:00:00Z`), or null
 *  when it does not start with a real YYYY-MM-DD date. */
export function leadingIsoDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real ? match[0] : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The calendar day as the source writes it, in its own time zone (converting to UTC would
 *  move late-evening articles to the next day): ISO 8601, 2023/09/20, or RFC 2822 as in RSS
 *  ("Wed, 20 Sep 2023 23:30:00 +0300"). */
export function writtenDate(value: string): string | null {
  const trimmed = value.trim();
  const iso = leadingIsoDate(trimmed.replace(/^(\d{4})\/(\d{2})\/(\d{2})/, '$1-$2-$3'));
  if (iso) return iso;
  const rfc = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\b/i.exec(trimmed);
  const month = rfc ? MONTHS.indexOf(rfc[2].toLowerCase()) + 1 : 0;
  if (!rfc || !month) return null;
  return leadingIsoDate(`${rfc[3]}-${String(month).padStart(2, '0')}-${rfc[1].padStart(2, '0')}`);
}
