// Poll intervals as people write them: 30s, 15m, 1h, 1.5h.
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or null for anything else (a bare number is ambiguous, so refused). */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2]] : 0;
  return ms > 0 ? ms : null;
}
