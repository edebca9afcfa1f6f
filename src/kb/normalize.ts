// Arabic normalization for matching. Surfaces in the output keep their original spelling;
// these keys only decide whether two spellings are the same word.

// Folding tables over the Basic Latin and Arabic blocks: 0 drops the character (harakat,
// tatweel, Quranic marks), any other value replaces it. Built once; a character loop over
// them is several times faster than a chain of regular expressions on the hot path.
const TABLE_SIZE = 0x0700;
function foldingTable(extra: Record<string, string>): Uint16Array {
  const t = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) t[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20;
  const drop = (from: number, to: number) => { for (let c = from; c <= to; c++) t[c] = 0; };
  drop(0x0610, 0x061a); drop(0x064b, 0x065f); drop(0x0670, 0x0670); drop(0x06d6, 0x06ed); drop(0x0640, 0x0640);
  const map: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', 'ک': 'ك', ...extra };
  for (const [from, to] of Object.entries(map)) t[from.charCodeAt(0)] = to.charCodeAt(0);
  return t;
}
const PLAIN = foldingTable({});
/** g/q/j transliterations of foreign names collapse (سيرغي / سيرجي), v/f and p/b too. */
const NAMES = foldingTable({ 'غ': 'ج', 'ق': 'ج', 'گ': 'ج', 'ڤ': 'ف', 'پ': 'ب' });
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const NEEDS_NFKC = /[\uFB50-\uFDFF\uFE70-\uFEFF\u0660-\u0669\u06F0-\u06F9]|[^\u0000-\u06FF]/;

function fold(s: string, table: Uint16Array): string {
  if (NEEDS_NFKC.test(s)) s = s.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= TABLE_SIZE) { out += s[i]; continue; }
    const m = table[c];
    if (m) out += String.fromCharCode(m);
  }
  return out;
}

/** Folds the letter variants that outlets use interchangeably. */
export function normalizeArabic(s: string): string {
  return fold(s, PLAIN);
}

/** Looser key for proper names: also folds transliteration variants. */
export function nameKey(s: string): string {
  return fold(s, NAMES);
}

/** Letters, marks and digits make words; everything else separates them. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export interface Token {
  start: number;
  end: number;
  /** original surface */
  text: string;
  /** nameKey of the surface */
  key: string;
  /** the characters between the previous word and this one */
  gap: string;
  /** key without its attached clitics, most literal first (see stripClitics) */
  forms: string[];
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const key = nameKey(m[0]);
    out.push({ start, end: start + m[0].length, text: m[0], key, gap: text.slice(prevEnd, start), forms: stripClitics(key) });
    prevEnd = start + m[0].length;
  }
  return out;
}

const CONJUNCTION = /^[وف]/;
const PREPOSITION = /^[بلك]/;
const cliticCache = new Map<string, string[]>();
const CACHE_LIMIT = 200_000;

/**
 * The forms a word may take once its attached clitics are removed, most literal first:
 * والصين → الصين, بروسيا → روسيا, للصين → الصين, وبموسكو → موسكو.
 */
export function stripClitics(key: string): string[] {
  let forms = cliticCache.get(key);
  if (forms) return forms;
  forms = [key];
  const bases = CONJUNCTION.test(key) && key.length > 3 ? [key, key.slice(1)] : [key];
  for (const base of bases) {
    if (!forms.includes(base)) forms.push(base);
    if (base.startsWith('لل') && base.length > 3) forms.push('ال' + base.slice(2));
    if (PREPOSITION.test(base) && base.length > 3 && !forms.includes(base.slice(1))) forms.push(base.slice(1));
  }
  if (cliticCache.size > CACHE_LIMIT) cliticCache.clear();
  cliticCache.set(key, forms);
  return forms;
}
