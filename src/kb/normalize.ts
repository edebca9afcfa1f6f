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
  /** false when no lexicon phrase can start here (set once per document, skips every lookup) */
  lexical?: boolean;
}

// Which characters below U+0700 make words (letters, marks, digits), in one table: the
// tokenizer runs over every character of every article.
const WORD_CHAR = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) WORD_CHAR[c] = /[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0;
const isWordChar = (text: string, i: number, c: number) => (c < TABLE_SIZE ? WORD_CHAR[c] === 1 : /[\p{L}\p{M}\p{N}]/u.test(text[i]));

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isWordChar(text, i, text.charCodeAt(i))) { i++; continue; }
    const start = i;
    let key = '';
    let simple = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!isWordChar(text, i, c)) break;
      if (c >= TABLE_SIZE || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) simple = false;
      else if (simple) { const m = NAMES[c]; if (m) key += String.fromCharCode(m); }
    }
    const word = text.slice(start, i);
    if (!simple) key = nameKey(word);
    out.push({ start, end: i, text: word, key, gap: text.slice(prevEnd, start), forms: stripClitics(key) });
    prevEnd = i;
  }
  return out;
}

const WAW = 0x0648, FA = 0x0641, BA = 0x0628, LAM = 0x0644, KAF = 0x0643;
const isConjunction = (c: number) => c === WAW || c === FA;
const isPreposition = (c: number) => c === BA || c === LAM || c === KAF;

/**
 * The forms a word may take once its attached clitics are removed, most literal first:
 * والصين → الصين, بروسيا → روسيا, للصين → الصين, وبموسكو → موسكو.
 */
export function stripClitics(key: string): string[] {
  const forms = [key];
  if (key.length < 3) return forms;
  const base = isConjunction(key.charCodeAt(0)) ? key.slice(1) : null;
  for (const b of base ? [key, base] : [key]) {
    if (b !== key) forms.push(b);
    if (b.length <= 3) continue;
    const c0 = b.charCodeAt(0);
    if (c0 === LAM && b.charCodeAt(1) === LAM) forms.push('ال' + b.slice(2));
    if (isPreposition(c0)) forms.push(b.slice(1));
  }
  return forms;
}
