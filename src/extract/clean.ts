// First pure stage of extraction: strip page furniture from an article and find its headline.
//
// Phrases come from data/lexicon/boilerplate.tsv (see the comment at its top for the kinds).
// This file holds only structural rules: line length, repeated lines, separators (>>, ›),
// URLs, timestamps, datelines, and where a line sits between others. Everything is
// precompiled once by compileBoilerplate; cleanArticle makes a constant number of passes
// over the lines, so its cost is linear in the article.

import type { Row } from '../kb/tsv.ts';
import { normalizeArabic } from '../kb/normalize.ts';

export interface BoilerplateRules {
  /** `line` rows: normalized keys of whole furniture lines */
  lines: ReadonlySet<string>;
  /** `contains` rows, one alternation over normalized phrases */
  contains: RegExp | null;
  /** `prefix` rows, anchored alternation over normalized phrases */
  prefix: RegExp | null;
  /** `links` rows: "read also" headings; group 0 is the heading */
  links: RegExp | null;
  /** `regex` rows, tested on the trimmed raw line */
  regex: RegExp[];
  /** `caption` rows: photo-caption markers */
  caption: RegExp[];
  /** `cut` rows: parts cut out of any line */
  cut: RegExp[];
  /** `cut-sentence` rows: the sentence carrying the match is cut out of any line */
  cutSentence: RegExp[];
  /** `suffix` rows: parts cut from the article's last line */
  suffix: RegExp[];
  /** `related-tail` rows: outlet markers of a related-stories block at the end */
  relatedTail: RegExp[];
  /** `continuation` rows: a line that continues the previous paragraph */
  continuation: RegExp[];
  /** `dated` rows: a story lead names its day early */
  dated: RegExp[];
}

export interface CleanResult {
  /** the headline, or null when the source gave none and none was found */
  title: string | null;
  /** the article body: kept lines, trimmed, blank runs collapsed to one blank line */
  text: string;
  /** furniture taken out, in text order (whole lines, or the parts cut from a line) */
  removed: string[];
}

const KINDS = [
  'line', 'contains', 'prefix', 'links', 'regex', 'caption', 'cut', 'cut-sentence', 'suffix',
  'related-tail', 'continuation', 'dated',
] as const;
type Kind = (typeof KINDS)[number];

// ---- structural constants -------------------------------------------------------------

/** A headline is short. */
const TITLE_MAX_WORDS = 25;
const TITLE_MAX_CHARS = 250;
/** The headline must be among the first non-empty lines. */
const TITLE_WINDOW = 6;
/** A caption, a repeated page line, a linked headline: short. */
const CAPTION_MAX_WORDS = 25;
/** A repeated line this short is a caption shown twice: every copy goes. A longer one
 *  (up to CAPTION_MAX_WORDS) keeps its first copy. */
const REPEAT_MIN_WORDS = 3;
const REPEAT_ALL_MAX_WORDS = 15;
/** `contains` phrases mark furniture lines, not paragraphs that happen to quote them. */
const CONTAINS_MAX_WORDS = 40;
const LINK_MAX_WORDS = 18;
const LINKS_MAX_LINES = 8;
/** A "topic: headline" line standing between two paragraphs: a related-story link
 *  ("مقامرة القرن: هل خدع زعيم كوريا الشمالية ترامب ومون؟") or a subheading. Plain short
 *  lines there are left alone: they may be a sentence wrapped across lines, a list item,
 *  an interview question. */
const INLINE_MIN_WORDS = 4;
const INLINE_MAX_WORDS = 14;
const PROSE_MIN_WORDS = 10;
/** A related-stories block: this many leads, each at most this long. */
const RELATED_LEADS = 5;
const RELATED_MAX_CHARS = 260;
const RELATED_MIN_LEADS = 4;
const RELATED_DATED_WORDS = 15;
const RELATED_MARKER_LINES = 3;
/** A line with a URL and at most this many other words is a share/follow prompt. */
const URL_PROMPT_MAX_WORDS = 8;
const STAMP_MAX_WORDS = 8;
const BREADCRUMB_MAX_WORDS = 15;

const URL = /(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
const HANDLE_LINE = /^@\w+$/u;
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;
/** Breadcrumb separators: "الصفحة الرئيسية >> التبادلات الدولية", "أخبار › العالم". */
const BREADCRUMB = /\s(?:>{1,2}|›|»»)\s/u;
/** Machine timestamps (2023:09:21.08:46, 2023-09-21 08:46) and bare clock times. */
const NUMERIC_DATE = /\d{4}:\d{1,2}:\d{1,2}|\d{4}[\-/.]\d{1,2}[\-/.]\d{1,2}[\sT.]+\d{1,2}:\d{2}/u;
const CLOCK = /(?:^|\s)\d{1,2}:\d{2}(?:\s|$)/u;
/** "/مصدر: شينخوا/" — a source credit set between slashes. */
const SLASHED_SOURCE = /^\/[^/]{1,40}\/(?:\s|$)/u;
/** Dateline or byline of two short parts joined by a dash, four words at most:
 *  "غوا-سانا", "عين اليوم – جدة", "أحمد حجازي – عين اليوم", "هشام لاشين-القاهرة". */
const DASH_SPLIT = /\s*[-–—]+\s*|\s+ـ+\s+/u;
const DATELINE_MAX_WORDS = 4;
/** A paragraph opened by a dateline and an agency: "(CNN)-- …", "القاهرة (رويترز) - …". */
const DATELINE_LEAD = /^[^()]{0,40}\([^()]{2,20}\)\s*[-–—]/u;
/** Place then day, month, year: "سان بطرسبرج 20 سبتمبر 2023 (شينخوا)". */
const DATELINE_DATE = /^(?:\S+\s+){1,2}\d{1,2}\s+\p{L}+\s+\d{4}(?:\s|$)/u;
/** A single full stop ending a sentence (not "..", not "!." or "؟."). */
const FINAL_PERIOD = /(?<![.!?؟])\.\s*$/u;
const INNER_PERIOD = /(?<=[\p{L}\p{N}]{2}|["”»)])\.(?!\.)\s+\S/u;
const PROSE_END = /[.!?؟"”»)]$/u;
const OPEN_END = /[:،,؛]$/u;
const INLINE_BAD_END = /[.:،,؛;"”»]$/u;
const INLINE_BAD_START = /^[\p{N}\p{P}\p{S}]/u;
const INLINE_HEADLINE = /^[^:،,]{2,60}:\s*[^\s:][^:،,]*$/u;
const LEADING_JUNK = /^[^\p{L}\p{N}]+/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Normalized key of a line for phrase matching: letter variants folded, spaces collapsed,
 *  leading bullets and symbols stripped. */
function keyOf(s: string): string {
  return normalizeArabic(s).replace(/\s+/g, ' ').trim().replace(LEADING_JUNK, '');
}

/** The key without its trailing symbols and punctuation (a loop: a `[^…]+$` regular
 *  expression retries from every symbol run of a long line). */
function lineKeyOf(key: string): string {
  let end = key.length;
  while (end > 0 && !LETTER_OR_DIGIT.test(key[end - 1])) end--;
  return end === key.length ? key : key.slice(0, end);
}

/** Where the sentence holding position `i` starts: after the last . ! ? ؟ before it. */
function sentenceStart(s: string, i: number): number {
  while (i > 0 && !SENTENCE_END.has(s[i - 1])) i--;
  return i;
}
const SENTENCE_END = new Set(['.', '!', '?', '؟']);

function wordCount(s: string): number {
  let n = 0;
  for (const w of s.split(/\s+/)) if (w) n++;
  return n;
}

function compile(pattern: string, kind: Kind, i: number): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (e) {
    throw new Error(`boilerplate row ${i + 1} (${kind}): bad regular expression ${pattern}: ${(e as Error).message}`);
  }
}

function alternation(phrases: string[], anchored: boolean): RegExp | null {
  if (!phrases.length) return null;
  // longest first, so that a heading is cut as a whole
  const alts = [...new Set(phrases)].sort((a, b) => b.length - a.length).map(escape).join('|');
  return new RegExp(anchored ? `^(?:${alts})(?![\\p{L}\\p{M}\\p{N}])` : `(?:${alts})`, 'u');
}

export function compileBoilerplate(rows: Row[]): BoilerplateRules {
  const lines = new Set<string>();
  const contains: string[] = [];
  const prefix: string[] = [];
  const links: string[] = [];
  const out = {
    regex: [] as RegExp[], caption: [] as RegExp[], cut: [] as RegExp[], 'cut-sentence': [] as RegExp[],
    suffix: [] as RegExp[],
    'related-tail': [] as RegExp[], continuation: [] as RegExp[], dated: [] as RegExp[],
  };
  rows.forEach((row, i) => {
    const kind = (row.kind ?? '').trim() as Kind;
    const pattern = row.pattern ?? '';
    if (!KINDS.includes(kind)) throw new Error(`boilerplate row ${i + 1}: unknown kind "${row.kind}"`);
    if (!pattern) throw new Error(`boilerplate row ${i + 1} (${kind}): empty pattern`);
    switch (kind) {
      case 'line': lines.add(lineKeyOf(keyOf(pattern))); break;
      case 'contains': contains.push(keyOf(pattern)); break;
      case 'prefix': prefix.push(keyOf(pattern)); break;
      case 'links': links.push(keyOf(pattern)); break;
      default: out[kind].push(compile(pattern, kind, i));
    }
  });
  return {
    lines,
    contains: alternation(contains, false),
    prefix: alternation(prefix, true),
    links: alternation(links, true),
    regex: out.regex,
    caption: out.caption,
    cut: out.cut,
    cutSentence: out['cut-sentence'],
    suffix: out.suffix,
    relatedTail: out['related-tail'],
    continuation: out.continuation,
    dated: out.dated,
  };
}

// ---- line predicates --------------------------------------------------------------------

const some = (res: RegExp[], s: string) => res.some((re) => re.test(s));

function hasSentenceBreak(s: string): boolean {
  return INNER_PERIOD.test(s);
}

/** Short, and not a sentence: no full stop at its end, none followed by more text. */
function headlineLike(s: string, words: number): boolean {
  return words > 0 && words <= TITLE_MAX_WORDS && s.length <= TITLE_MAX_CHARS
    && !FINAL_PERIOD.test(s) && !hasSentenceBreak(s) && !OPEN_END.test(s) && !DATELINE_LEAD.test(s);
}

function prose(s: string, words: number): boolean {
  return words >= PROSE_MIN_WORDS && PROSE_END.test(s);
}

/** A dateline or byline standing alone: it carries the place, so it stays in the text,
 *  but it is not the headline. */
function dateline(s: string, words: number): boolean {
  if (words <= DATELINE_MAX_WORDS + 1 && !s.includes(':') && !/\p{N}/u.test(s)) {
    const parts = s.split(DASH_SPLIT).filter((p) => !NO_WORDS.test(p));
    if (parts.length === 2 && wordCount(parts[0]) + wordCount(parts[1]) <= DATELINE_MAX_WORDS) return true;
  }
  return words <= 14 && !s.includes(':') && !FINAL_PERIOD.test(s) && DATELINE_DATE.test(s);
}

/** Structural furniture, whatever the outlet. Returns a reason or null. */
function structural(s: string, words: number): string | null {
  if (NO_WORDS.test(s)) return 'separator';
  const withoutUrls = s.replace(URL, ' ');
  if (withoutUrls !== s && wordCount(withoutUrls) <= URL_PROMPT_MAX_WORDS) return 'url';
  if (EMAIL.test(s) && wordCount(s.replace(EMAIL, ' ')) <= 4) return 'email';
  if (HANDLE_LINE.test(s)) return 'handle';
  if (words <= BREADCRUMB_MAX_WORDS && BREADCRUMB.test(s)) return 'breadcrumb';
  if (SLASHED_SOURCE.test(s) && words <= STAMP_MAX_WORDS) return 'source';
  if (words <= STAMP_MAX_WORDS && NUMERIC_DATE.test(s)) return 'timestamp';
  if (words <= 3 && CLOCK.test(s)) return 'timestamp';
  if (s.startsWith('#') && s.split(/\s+/).every((w) => w.startsWith('#'))) return 'tags';
  return null;
}

// ---- the stage ----------------------------------------------------------------------------

interface Line {
  /** trimmed text, after cuts */
  text: string;
  words: number;
  /** normalized key (leading junk stripped) */
  key: string;
  /** key for whole-line comparison (trailing junk stripped too) */
  lineKey: string;
  kept: boolean;
}

/** Lines longer than this are paragraphs: never a whole-line phrase, a headline or a caption,
 *  so their whole-line key is not needed. */
const LINE_KEY_MAX_WORDS = 30;

function makeLine(text: string): Line {
  if (!text) return { text, words: 0, key: '', lineKey: '', kept: true };
  // one split gives both the word count and the space-collapsed key
  const parts = normalizeArabic(text).split(/\s+/);
  let words = 0;
  for (const p of parts) if (p) words++;
  const key = (words === parts.length ? parts.join(' ') : parts.filter(Boolean).join(' ')).replace(LEADING_JUNK, '');
  return { text, words, key, lineKey: words <= LINE_KEY_MAX_WORDS ? lineKeyOf(key) : key, kept: true };
}

/**
 * Removes page furniture from `raw` and finds the headline.
 *
 * `opts.title` a string (even ''): the source gave the headline, so it is not looked for in
 * the text ('' or null → no headline); an exact repeat of it in the text is removed.
 * `opts.title` undefined: the headline is the first line that reads as one, skipping
 * furniture and datelines, among the first few lines and before the first paragraph.
 */
export function cleanArticle(raw: string, rules: BoilerplateRules, opts: { title?: string | null } = {}): CleanResult {
  const removed: string[] = [];
  const lines: Line[] = [];

  // 1. per-line rules
  let linksOpen = 0; // > 0 while the lines after a bare "read also" heading are being dropped
  for (const rawLine of raw.split(/\r\n|\r|\n/)) {
    let text = rawLine.trim();
    for (const re of rules.cut) {
      const m = re.exec(text);
      if (m && m[0]) {
        if (m[0].trim()) removed.push(m[0].trim());
        text = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim();
      }
    }
    for (const re of rules.cutSentence) {
      const m = re.exec(text);
      if (m && m[0]) {
        const start = sentenceStart(text, m.index);
        const end = m.index + m[0].length;
        if (text.slice(start, end).trim()) removed.push(text.slice(start, end).trim());
        text = (text.slice(0, start) + text.slice(end)).trim();
      }
    }
    const line = makeLine(text);
    lines.push(line);
    if (!text) {
      if (rawLine.trim()) line.kept = false; // emptied by a cut: gone, not a paragraph break
      continue;
    }
    const drop = (what = text) => { line.kept = false; removed.push(what); };

    if (linksOpen > 0) {
      if (line.words <= LINK_MAX_WORDS && !FINAL_PERIOD.test(text) && !OPEN_END.test(text)
        && !some(rules.continuation, text)) {
        linksOpen--;
        drop();
        continue;
      }
      linksOpen = 0;
    }
    const heading = rules.links?.exec(line.key);
    if (heading) {
      drop();
      if (NO_WORDS.test(line.key.slice(heading[0].length))) linksOpen = LINKS_MAX_LINES;
      continue;
    }
    if (rules.lines.has(line.lineKey) || rules.prefix?.test(line.key)
      || (line.words <= CONTAINS_MAX_WORDS && rules.contains?.test(line.key))
      || some(rules.regex, text) || structural(text, line.words)) {
      drop();
      continue;
    }
    for (const re of rules.caption) {
      const m = re.exec(text);
      if (!m) continue;
      if (line.words <= CAPTION_MAX_WORDS && !hasSentenceBreak(text)) {
        drop();
      } else {
        removed.push(m[0].trim());
        line.text = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim();
      }
      break;
    }
  }

  // 2. the headline
  let title: string | null = null;
  let titleKey: string | null = null;
  if (opts.title !== undefined) {
    title = (opts.title ?? '').trim() || null;
    if (title) titleKey = lineKeyOf(keyOf(title));
  } else {
    let seen = 0;
    for (const line of lines) {
      if (!line.text) continue;
      if (++seen > TITLE_WINDOW) break;
      if (!line.kept || dateline(line.text, line.words)) continue;
      if (headlineLike(line.text, line.words)) {
        title = line.text;
        titleKey = line.lineKey;
        line.kept = false;
      }
      break;
    }
  }
  if (titleKey) {
    for (const line of lines) {
      if (line.kept && line.text && line.lineKey === titleKey) { line.kept = false; removed.push(line.text); }
    }
  }

  // 3. short lines the page repeats (a photo caption shown twice): every copy goes;
  //    a longer repeated line keeps its first copy
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.kept && line.text) counts.set(line.lineKey, (counts.get(line.lineKey) ?? 0) + 1);
  }
  const firstSeen = new Set<string>();
  for (const line of lines) {
    if (!line.kept || !line.text || (counts.get(line.lineKey) ?? 0) < 2) continue;
    if (line.words < REPEAT_MIN_WORDS || line.words > CAPTION_MAX_WORDS || FINAL_PERIOD.test(line.text)
      || OPEN_END.test(line.text) || dateline(line.text, line.words)) continue;
    if (line.words > REPEAT_ALL_MAX_WORDS && !firstSeen.has(line.lineKey)) {
      firstSeen.add(line.lineKey);
      continue;
    }
    line.kept = false;
    removed.push(line.text);
  }

  const kept = lines.filter((l) => l.kept && l.text);

  // 4. a related-stories block after the body (outlets marked by a related-tail rule)
  relatedTail(kept, rules, removed);

  // 5. "topic: headline" lines standing between two paragraphs: related-story links, subheadings
  for (let i = 1; i < kept.length - 1; i++) {
    const l = kept[i];
    if (!l.kept || l.words < INLINE_MIN_WORDS || l.words > INLINE_MAX_WORDS) continue;
    if (!INLINE_HEADLINE.test(l.text) || INLINE_BAD_END.test(l.text) || INLINE_BAD_START.test(l.text)
      || some(rules.continuation, l.text)) continue;
    const prev = kept[i - 1];
    const next = kept[i + 1];
    if (prev.kept && next.kept && prose(prev.text, prev.words) && prose(next.text, next.words)) {
      l.kept = false;
      removed.push(l.text);
    }
  }

  // 6. trailing furniture appended to the last paragraph
  const last = [...kept].reverse().find((l) => l.kept);
  if (last) {
    for (const re of rules.suffix) {
      const m = re.exec(last.text);
      if (!m || !m[0].trim()) continue;
      removed.push(m[0].trim());
      last.text = last.text.slice(0, m.index).trim();
      if (!last.text) last.kept = false;
    }
  }

  // 7. assemble: kept lines in order, blank runs collapsed to one blank line
  const out: string[] = [];
  for (const line of lines) {
    if (!line.kept) continue;
    if (!line.text) {
      if (out.length && out[out.length - 1] !== '') out.push('');
    } else {
      out.push(line.text);
    }
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return { title, text: out.join('\n'), removed: removed.filter(Boolean) };
}

/** Drops the last RELATED_LEADS lines when the article comes from an outlet that appends
 *  related-story leads and those lines read as leads: short, standing alone (not
 *  continuations), at least one dated early. */
function relatedTail(kept: Line[], rules: BoilerplateRules, removed: string[]): void {
  if (!rules.relatedTail.length || kept.length < RELATED_LEADS + 1) return;
  const opening = kept.slice(0, RELATED_MARKER_LINES);
  if (!opening.some((l) => some(rules.relatedTail, l.text))) return;
  const tail = kept.slice(kept.length - RELATED_LEADS);
  if (tail.some((l) => l.text.length > RELATED_MAX_CHARS || some(rules.relatedTail, l.text))) return;
  const leads = tail.filter((l) => !some(rules.continuation, l.text)).length;
  const dated = tail.some((l) => some(rules.dated, l.text.split(/\s+/).slice(0, RELATED_DATED_WORDS).join(' ')));
  if (leads < RELATED_MIN_LEADS || !dated) return;
  for (const l of tail) {
    l.kept = false;
    removed.push(l.text);
  }
}
