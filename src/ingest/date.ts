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
