// Words and sentences. A sentence ends at a line break or at . ! ? ؟ ; followed by space,
// so a paragraph of reported speech splits into the clauses a reader would quote.
import { tokenize, type Token } from '../kb/normalize.ts';
import type { Sentence } from './doc.ts';

const SENTENCE_END = /\n+|[.!?؟;؛](?=\s|$)["”»']?/g;

export function segment(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const tokens = tokenize(text);
  const sentences: Sentence[] = [];
  let start = 0;
  let t = 0;
  const close = (end: number) => {
    const from = t;
    while (t < tokens.length && tokens[t].start < end) t++;
    if (t > from) sentences.push({ start, end, from, to: t });
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + (m[0].startsWith('\n') ? 0 : m[0].length);
    close(end);
    start = (m.index ?? 0) + m[0].length;
  }
  close(text.length);
  return { tokens, sentences };
}

/** Index of the sentence holding token `i`. */
export function sentenceOf(sentences: Sentence[], i: number): number {
  let lo = 0, hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].from <= i) lo = mid; else hi = mid - 1;
  }
  return lo;
}
