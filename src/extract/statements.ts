// Statements: one per reporting clause whose speaker is named (قال وانغ إن…، وفقا لوانغ،
// وأضاف…), direct or indirect. The reported words run from the clause's complement to the
// next reporting cue or the end of the sentence; a speaker left implicit (وأضاف، حسب قوله)
// is the one already speaking.
import { markerKindsAt, type Kb } from '../kb/load.ts';
import { SELF, inRange, type Slot } from './actors.ts';
import type { Doc, Ref, StatementAnn } from './doc.ts';

const SPEAKER_WINDOW = 12;
/** words that may stand between a reporting verb and its subject (قال، الأربعاء، ترامب) */
const SUBJECT_GAP = 3;
const MIN_CHARS = 20;
// Patterns over normalized keys (إن أن إنه أنها بأن إلى → ان انه انها بان الي).
const COMPLEMENT = /^(?:[وف]?انه?|[وف]?انها|بان|الي)$/;
/** "مشيرا إلى أن"، "مشددا على أن": the preposition belongs to the reported words. */
const LEADING_PREPOSITION = /^(?:الي|علي)$/;
const IMPERFECT = /^[وف]?[يت]/;

export interface Cue { from: number; to: number; kind: string; direct: boolean }

/** Reporting cues of a sentence. An imperfect verb inside words already being reported
 *  ("أن تطور الوضع يؤكد تقدير الرئيس") is part of them, not a new clause. */
export function reportingCues(doc: Doc, kb: Kb, from: number, to: number): Cue[] {
  const cues: Cue[] = [];
  for (const m of kb.reporting.scan(doc.tokens, from, to)) {
    const { kind, direct } = m.values[0];
    const reporting = cues.length > 0 && doc.tokens.slice(cues[cues.length - 1].to, m.from).some((t) => COMPLEMENT.test(t.key));
    if (kind === 'verb' && reporting && IMPERFECT.test(doc.tokens[m.from].key)) continue;
    cues.push({ from: m.from, to: m.to, kind, direct });
  }
  return cues;
}

/** The speaker named right after a reporting verb (before its complement), if any. */
function speakerAfter(doc: Doc, slots: Slot[], cue: Cue, end: number): Slot | undefined {
  const { tokens } = doc;
  for (const s of inRange(slots, cue.to, Math.min(end, cue.to + SUBJECT_GAP + 1))) {
    const between = tokens.slice(cue.to, s.from);
    if (between.some((t) => COMPLEMENT.test(t.key)) || /["“«:]/.test(tokens.slice(cue.to + 1, s.from + 1).map((t) => t.gap).join(''))) return undefined;
    if (s.ref !== SELF) return s;
  }
  return undefined;
}

/** The subject named just before the verb (وكان ترامب قد قال إن…), in the same clause. */
function speakerBefore(doc: Doc, slots: Slot[], cue: Cue, start: number): Slot | undefined {
  const s = inRange(slots, start, cue.from).filter((x) => x.to <= cue.from && x.ref !== SELF).at(-1);
  if (!s || cue.from - s.to > 1) return undefined;
  return /[،,:؛"«»“”]/.test(doc.tokens.slice(s.to, cue.from + 1).map((t) => t.gap).join('')) ? undefined : s;
}

/** Where the reported words start: the complement (إن، أن، إلى أن) or the quote after the speaker. */
function contentStart(doc: Doc, after: number, end: number): number {
  const { tokens } = doc;
  for (let i = after; i < Math.min(end, after + SPEAKER_WINDOW); i++) {
    if (COMPLEMENT.test(tokens[i].key) || /["“«:]/.test(tokens[i].gap)) {
      return i > after && LEADING_PREPOSITION.test(tokens[i - 1].key) && !LEADING_PREPOSITION.test(tokens[i].key) ? i - 1 : i;
    }
  }
  return after;
}

export function findStatements(doc: Doc, kb: Kb, slots: Slot[]): { statements: StatementAnn[]; speakers: (Ref | null)[] } {
  const statements: StatementAnn[] = [];
  const speakers: (Ref | null)[] = [];
  let last: Ref | null = null;
  const { tokens, text } = doc;
  doc.sentences.forEach((s, si) => {
    const cues = reportingCues(doc, kb, s.from, s.to);
    let prevEnd = s.from;
    let sentenceSpeaker: Ref | null = null;
    cues.forEach((cue, k) => {
      const nextCue = cues[k + 1]?.from ?? s.to;
      let speaker: Ref | null = null;
      let from = cue.to;
      let to = nextCue;
      if (cue.kind === 'verb') {
        const sp = speakerAfter(doc, slots, cue, nextCue) ?? speakerBefore(doc, slots, cue, Math.max(s.from, prevEnd));
        const after = sp && sp.from > cue.from ? sp.to : cue.to;
        speaker = sp ? sp.ref : last;
        from = cue.direct ? after : contentStart(doc, after, nextCue);
      } else if (cue.kind === 'continuation') {
        speaker = last;
        from = cue.direct ? cue.to : contentStart(doc, cue.to, nextCue);
      } else {
        const sp = cue.kind === 'according' ? inRange(slots, cue.to, cue.to + 3)[0] : undefined;
        if (cue.kind === 'according' && !sp) { prevEnd = cue.to; return; }
        speaker = sp ? sp.ref : last;
        from = prevEnd;
        to = cue.from;
      }
      prevEnd = to === cue.from ? cue.to : to;
      if (!speaker) return;
      last = speaker;
      sentenceSpeaker = speaker;
      if (from >= to) return;
      const start = tokens[from].start;
      const end = tokens[to - 1].end;
      if (end - start < MIN_CHARS || text.slice(start, end).includes('\n')) return;
      if (markerKindsAt(kb, tokens, from).includes('anaphor')) return;
      statements.push({ speaker, start, end, sentence: si });
    });
    speakers.push(sentenceSpeaker ?? last);
  });
  return { statements, speakers };
}
