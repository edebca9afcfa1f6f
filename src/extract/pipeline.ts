// The extraction pipeline: one article in, the contract out. Each stage is pure: it reads
// the document and the knowledge base and returns the document with its annotations added.
import { markLexical, type Kb } from '../kb/load.ts';
import { actorSlots } from './actors.ts';
import { attachDetails, datelinePlace } from './attach.ts';
import { cleanArticle } from './clean.ts';
import { toContract } from './contract.ts';
import { datelineDate } from './dates.ts';
import type { Doc } from './doc.ts';
import { findEvents } from './events.ts';
import { findMentions } from './mentions.ts';
import { dropVaguerVisits, mergeEvents } from './merge.ts';
import { findPeople } from './people.ts';
import { segment } from './segment.ts';
import { findStatements } from './statements.ts';
import type { ContractDoc, RawDoc } from './types.ts';

const DATELINE_SENTENCES = 3;

export function annotate(raw: RawDoc, kb: Kb): Doc {
  const cleaned = cleanArticle(raw.text, kb.boilerplate, { title: raw.title });
  const { tokens, sentences } = segment(cleaned.text);
  markLexical(kb, tokens);
  const head = sentences.slice(0, DATELINE_SENTENCES);
  const published = raw.published ?? null;
  let doc: Doc = {
    id: raw.id, title: cleaned.title, published, text: cleaned.text, tokens, sentences,
    refDate: published ?? (head.length ? datelineDate(kb, tokens, head[0].from, head[head.length - 1].to) : null),
    entities: new Map(), mentions: [], titles: [], dateline: null, statements: [], events: [],
  };
  doc = findMentions(doc, kb);
  doc = findPeople(doc, kb);
  doc = { ...doc, dateline: datelinePlace(doc) };
  const slots = actorSlots(doc, kb);
  const { statements, speakers } = findStatements(doc, kb, slots);
  doc = { ...doc, statements };
  const events = findEvents(doc, kb, slots, speakers);
  const countryOf = (ref: string) => doc.entities.get(ref)?.country ?? null;
  return { ...doc, events: mergeEvents(dropVaguerVisits(attachDetails(doc, kb, events), countryOf)) };
}

export function extractDoc(raw: RawDoc, kb: Kb): ContractDoc {
  return toContract(annotate(raw, kb), { source: raw.source, url: raw.url });
}
