// The words full-text search compares. Articles and queries go through the same function, so
// spelling variants and inflections meet: سيرغي / سيرجي (g/q/j folded as in names), الروسية /
// روسيا / بروسيا (clitics, article and nisba ending removed), المحادثات / محادثة (stemmed).
// Every backend indexes this text with a plain whitespace tokenizer; the Arabic knowledge is here.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { nameKey, stripClitics, tokenize, type Token } from '../kb/normalize.ts';
import { readTsv } from '../kb/tsv.ts';

interface Stemmer { stem(word: string): string }
// snowball-stemmers is CommonJS without type declarations.
const snowball = (createRequire(import.meta.url)('snowball-stemmers') as { newStemmer(language: string): Stemmer }).newStemmer('arabic');

const STOPWORDS_FILE = fileURLToPath(new URL('../../data/lexicon/search_stopwords.tsv', import.meta.url));
let stopwords: Set<string> | null = null;

/** Function words, alone or with an attached و ف ب ل ك (وفي، بها، ولكن). */
function isStopword(t: Token): boolean {
  stopwords ??= new Set(readTsv(STOPWORDS_FILE).map((r) => nameKey(r.word)));
  return t.key.length < 2 || t.forms.some((f) => stopwords!.has(f));
}

/**
 * One clitic-free form reduced to its index key. Snowball removes suffixes well but prefixes
 * too eagerly (فرنسا → رنس, بوتين → وتين), and the clitic forms already cover prefixes, so only
 * its suffix cut is kept, plus the article. A final accusative alef and nisba ي go too, which
 * is what lets روسيا, الروسي and الروسية share one key.
 */
function stemKey(form: string): string {
  const whole = nameKey(form);
  const stem = nameKey(snowball.stem(form));
  const at = stem ? whole.indexOf(stem) : -1;
  let key = at < 0 ? whole : whole.slice(0, at + stem.length);
  if (key.length > 3 && key.startsWith('ال')) key = key.slice(2);
  if (key.length > 3 && key.endsWith('ا')) key = key.slice(0, -1);
  if (key.length > 3 && key.endsWith('ي')) key = key.slice(0, -1);
  return key;
}

// Stemming is the costly step and news vocabulary repeats: keys are remembered per spelling and
// per clitic-free form (والصين and بالصين share الصين), within a bound so that a long ingest
// cannot grow the caches without limit.
const CACHE_LIMIT = 1 << 19;
const wordCache = new Map<string, string[]>();
const formCache = new Map<string, string>();

function remembered<V>(cache: Map<string, V>, key: string, compute: (key: string) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, (value = compute(key)));
  }
  return value;
}

const formKey = (form: string) => remembered(formCache, form, stemKey);

/** The keys of one word: one per reading of its attached clitics (وزير is وزير or و+زير),
 *  so a word and its query match when any reading agrees. */
export function wordKeys(word: string): string[] {
  return remembered(wordCache, word, (w) => [...new Set(stripClitics(w).map(formKey))]);
}

/** The text to index for an article's title or body: its words' keys, space-separated. */
export function searchText(text: string | null): string {
  if (!text) return '';
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (isStopword(t)) continue;
    for (const k of wordKeys(t.text)) out.push(k);
  }
  return out.join(' ');
}

/** A query as terms that must all match, each a list of alternative keys; empty when the
 *  query holds only function words. */
export function queryTerms(query: string): string[][] {
  const terms = new Map<string, string[]>();
  for (const t of tokenize(query)) {
    if (isStopword(t)) continue;
    const keys = wordKeys(t.text);
    terms.set(keys.join(' '), keys);
  }
  return [...terms.values()];
}

const SNIPPET_WORDS = 28;
/** Words shown before the first hit, so it reads in its context. */
const LEAD_WORDS = 6;

/**
 * The passage of `text` with the most distinct query terms, hits between « and », cut at word
 * boundaries with … where the text goes on; null when no word of `text` matches.
 */
export function snippet(text: string, terms: string[][]): string | null {
  const termOf = new Map<string, number>();
  terms.forEach((keys, i) => { for (const k of keys) termOf.set(k, i); });
  const wanted = [...termOf.keys()];
  const tokens = tokenize(text);
  const hitTerm = tokens.map((t) => {
    // A key is part of its word's folded spelling: most words are ruled out without stemming.
    if (!wanted.some((k) => t.key.includes(k))) return -1;
    const key = wordKeys(t.text).find((k) => termOf.has(k));
    return key === undefined ? -1 : termOf.get(key)!;
  });
  const first = bestWindowStart(hitTerm);
  if (first < 0) return null;
  const from = Math.max(0, first - LEAD_WORDS);
  const to = Math.min(tokens.length, from + SNIPPET_WORDS);
  // Punctuation around the text's first and last words belongs to the passage when it is shown.
  let out = from > 0 ? '… ' : text.slice(0, tokens[0].start).trimStart();
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (i > from) out += t.gap.replace(/\s+/g, ' ');
    const joined = (j: number) => hitTerm[j] >= 0 && /^\s*$/.test(tokens[j].gap);
    const opens = hitTerm[i] >= 0 && !(i > from && hitTerm[i - 1] >= 0 && joined(i));
    const closes = hitTerm[i] >= 0 && !(i + 1 < to && joined(i + 1));
    out += `${opens ? '«' : ''}${t.text}${closes ? '»' : ''}`;
  }
  return to < tokens.length ? `${out} …` : (out + text.slice(tokens[to - 1].end)).trimEnd().replace(/\s+/g, ' ');
}

/** The first hit of the window holding the most distinct terms (then the most hits). */
function bestWindowStart(hitTerm: number[]): number {
  const hits = hitTerm.flatMap((term, i) => (term >= 0 ? [i] : []));
  let best = -1, bestDistinct = 0, bestCount = 0;
  for (let a = 0; a < hits.length; a++) {
    const seen = new Set<number>();
    let b = a;
    for (; b < hits.length && hits[b] < hits[a] + SNIPPET_WORDS - LEAD_WORDS; b++) seen.add(hitTerm[hits[b]]);
    if (seen.size > bestDistinct || (seen.size === bestDistinct && b - a > bestCount)) {
      best = hits[a]; bestDistinct = seen.size; bestCount = b - a;
    }
  }
  return best;
}
