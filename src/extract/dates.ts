// Dates of events, resolved against the reference date by the GUIDE's rules: an explicit date
// wins (its year from the reference when omitted); اليوم، أمس، غدا; a bare weekday is the
// latest such day on or before the reference, the next one when marked المقبل or when the
// sentence speaks of the future; months and weeks give month precision. Nothing is guessed
// without a reference date.
import type { DateWord, Kb } from '../kb/load.ts';
import type { Token } from '../kb/normalize.ts';
import type { DateAnn } from './doc.ts';

const DIGITS = /^[0-9٠-٩۰-۹]+$/;

function toNumber(s: string): number {
  return Number(s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0)));
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00Z`);
const addDays = (s: string, n: number) => { const d = parse(s); d.setUTCDate(d.getUTCDate() + n); return iso(d); };
const addMonths = (s: string, n: number) => { const d = parse(s); d.setUTCDate(1); d.setUTCMonth(d.getUTCMonth() + n); return iso(d).slice(0, 7); };

interface Word { i: number; to: number; w: DateWord; n?: number }

/** Date words and numbers of a token range, in order. */
function words(kb: Kb, tokens: Token[], from: number, to: number): Word[] {
  const out: Word[] = [];
  for (let i = from; i < to; ) {
    if (DIGITS.test(tokens[i].text)) { out.push({ i, to: i + 1, w: { kind: 'number', value: toNumber(tokens[i].text) } }); i++; continue; }
    const m = kb.dateWords.matchAt(tokens, i);
    if (m) { out.push({ i, to: m.to, w: m.values[0] }); i = m.to; } else i++;
  }
  return out;
}

/** Every date expression in the range, resolved where the reference date allows. A day and
 *  month without a year take the reference's year; a month alone is the latest or the next
 *  one, by its marker (الماضي، المقبل) or the tense of the sentence. */
export function findDates(kb: Kb, tokens: Token[], from: number, to: number, ref: string | null, future: boolean): DateAnn[] {
  const ws = words(kb, tokens, from, to);
  const out: DateAnn[] = [];
  const text = (a: Word, b: Word) => tokens.slice(a.i, b.to).map((t) => t.text).join(' ');
  for (let k = 0; k < ws.length; k++) {
    const a = ws[k];
    const near = (d: number) => { const b = ws[k + d]; return b && b.i - ws[k + d - 1].to <= 2 ? b : undefined; };
    // day month [year]: "20 سبتمبر 2023", "الثاني عشر من حزيران/يونيو", "11 و12 يوليو"
    if ((a.w.kind === 'number' && a.w.value >= 1 && a.w.value <= 31) || a.w.kind === 'ordinal') {
      let m = near(1);
      let skip = 1;
      if (m?.w.kind === 'number' && near(2)?.w.kind === 'month') { m = near(2); skip = 2; }
      if (m?.w.kind === 'month') {
        let last = m;
        while (near(skip + 1)?.w.kind === 'month') { skip++; last = ws[k + skip]; }
        const y = near(skip + 1);
        const year = y?.w.kind === 'number' && y.w.value > 1900 ? y.w.value : ref ? Number(ref.slice(0, 4)) : null;
        if (y?.w.kind === 'number' && y.w.value > 1900) last = y;
        out.push({ from: a.i, value: year ? `${year}-${pad(m.w.value)}-${pad(a.w.value)}` : null, precision: year ? 'day' : null, text: text(a, last) });
        k += skip;
        continue;
      }
    }
    if (a.w.kind === 'month') {
      const q = near(1);
      const y = q?.w.kind === 'number' && q.w.value > 1900 ? q.w.value
        : q?.w.kind === 'yearRel' && ref ? Number(ref.slice(0, 4)) + q.w.value
        : ref ? yearFor(ref, a.w.value, q?.w.kind === 'next' || (future && q?.w.kind !== 'past'), q?.w.kind === 'past' || q?.w.kind === 'next') : null;
      out.push({ from: a.i, value: y ? `${y}-${pad(a.w.value)}` : null, precision: y ? 'month' : null, text: text(a, q && ['number', 'yearRel', 'past', 'next'].includes(q.w.kind) ? q : a) });
      continue;
    }
    if (a.w.kind === 'day') { out.push({ from: a.i, value: ref ? addDays(ref, a.w.value) : null, precision: ref ? 'day' : null, text: text(a, a) }); continue; }
    if (a.w.kind === 'weekday') {
      const q = near(1);
      const forward = q?.w.kind === 'next' || (future && q?.w.kind !== 'past');
      out.push({ from: a.i, value: ref ? weekday(ref, a.w.value, forward) : null, precision: ref ? 'day' : null, text: text(a, q && ['next', 'past'].includes(q.w.kind) ? q : a) });
      continue;
    }
    if (a.w.kind === 'week' || a.w.kind === 'monthRel') {
      const v = ref ? (a.w.kind === 'week' ? addDays(ref, 7 * a.w.value).slice(0, 7) : addMonths(ref, a.w.value)) : null;
      out.push({ from: a.i, value: v, precision: v ? 'month' : null, text: text(a, a) });
    }
  }
  return out;
}

/** The year of a month named without one: the latest such month up to the reference date,
 *  or the next one for what is to come; marked الماضي or المقبل, the current month is excluded. */
function yearFor(ref: string, month: number, future: boolean, marked: boolean): number {
  const y = Number(ref.slice(0, 4));
  const m = Number(ref.slice(5, 7));
  if (future) return month < m || (marked && month === m) ? y + 1 : y;
  return month > m || (marked && month === m) ? y - 1 : y;
}

function weekday(ref: string, day: number, forward: boolean): string {
  const d = parse(ref).getUTCDay();
  if (forward) return addDays(ref, ((day - d + 7) % 7) || 7);
  return addDays(ref, -((d - day + 7) % 7));
}

/** The date a dateline or the first explicit full date gives, for articles with no metadata. */
export function datelineDate(kb: Kb, tokens: Token[], from: number, to: number): string | null {
  return findDates(kb, tokens, from, to, null, false).find((d) => d.value && d.precision === 'day')?.value ?? null;
}
