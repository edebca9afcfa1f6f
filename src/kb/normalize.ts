// Arabic normalization for matching. Surfaces in the output keep their original spelling;
// these keys only decide whether two spellings are the same word.

const IGNORABLE = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Folds the letter variants that outlets use interchangeably. */
export function normalizeArabic(s: string): string {
  return s
    .normalize('NFKC')
    .replace(IGNORABLE, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[یي]/g, 'ي')
    .replace(/ک/g, 'ك')
    .toLowerCase();
}

/** Looser key for proper names: the g/q/j transliterations of foreign names collapse
 *  (سيرغي / سيرجي, شنغهاي / شنجهاي / شانغهاي keep their long vowel), v/f and p/b too. */
export function nameKey(s: string): string {
  return normalizeArabic(s).replace(/[غجقگ]/g, 'ج').replace(/ڤ/g, 'ف').replace(/پ/g, 'ب');
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
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, text: m[0], key: nameKey(m[0]), gap: text.slice(prevEnd, start) });
    prevEnd = start + m[0].length;
  }
  return out;
}

const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ل', 'ك'];

/**
 * The forms a word may take once its attached clitics are removed, most literal first:
 * والصين → الصين, بروسيا → روسيا, للصين → الصين, وبموسكو → موسكو.
 */
export function stripClitics(key: string): string[] {
  const forms = [key];
  const add = (f: string) => { if (f.length >= 2 && !forms.includes(f)) forms.push(f); };
  const afterConj = CONJUNCTIONS.includes(key[0]) ? [key, key.slice(1)] : [key];
  for (const base of afterConj) {
    add(base);
    if (base.startsWith('لل')) add('ال' + base.slice(2));
    if (PREPOSITIONS.includes(base[0])) add(base.slice(1));
  }
  return forms;
}
