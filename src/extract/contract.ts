// The contract shape (../shared/contract/README.md) built from the annotated document.
import type { Doc, DocEntity, EventAnn, Ref } from './doc.ts';
import type { Actor, ContractDoc, ContractEvent, Entity, EventType } from './types.ts';

function actor(doc: Doc, ref: Ref): Actor {
  const e = doc.entities.get(ref);
  if (!e) return { kind: 'country', name_ar: ref, name_en: null, country: null, code: null };
  const kind = e.kind === 'place' ? 'country' : e.kind;
  const name = kind === 'person' ? surfaceName(doc, e) : e.nameAr;
  return { kind, name_ar: name, name_en: e.nameEn, country: e.country, code: kind === 'person' ? null : e.code ?? e.country };
}

/** A person's name as this article spells it: its longest mention by name. */
function surfaceName(doc: Doc, e: DocEntity): string {
  const named = doc.mentions.filter((m) => m.ref === e.ref && m.via === 'name').sort((a, b) => (b.to - b.from) - (a.to - a.from))[0];
  if (!named) return e.nameAr;
  const words = doc.tokens.slice(named.from, named.to).map((t) => t.text);
  words[0] = doc.tokens[named.from].forms.length > 1 && !e.nameAr.startsWith(words[0]) ? stripConjunction(words[0]) : words[0];
  return words.join(' ');
}

function stripConjunction(word: string): string {
  return /^[وف]/.test(word) && word.length > 3 ? word.slice(1) : word;
}

function entity(doc: Doc, e: DocEntity): Entity {
  const mentions = doc.mentions.filter((m) => m.ref === e.ref)
    .map((m) => ({ start: doc.tokens[m.from].start, end: doc.tokens[m.to - 1].end }));
  const nameAr = e.kind === 'person' ? surfaceName(doc, e) : e.nameAr;
  const out: Entity = { kind: e.kind, name_ar: nameAr, name_en: e.nameEn, mentions };
  if (e.kind === 'country' || e.kind === 'org') out.code = e.code;
  if (e.kind !== 'org') out.country = e.country;
  if (e.kind === 'person') out.role = e.role;
  return out;
}

function event(doc: Doc, e: EventAnn): ContractEvent {
  const s = doc.sentences[e.sentence];
  return {
    type: e.type as EventType, mode: e.mode, status: e.status,
    actors: e.actors.map((r) => actor(doc, r)), recipients: e.recipients.map((r) => actor(doc, r)),
    date: e.date, place: e.place,
    evidence: { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) },
    confidence: Math.round(e.confidence * 100) / 100,
  };
}

export function toContract(doc: Doc, meta: { source?: string | null; url?: string | null }): ContractDoc {
  const entities = [...doc.entities.values()].filter((e) => doc.mentions.some((m) => m.ref === e.ref)).map((e) => entity(doc, e));
  return {
    id: doc.id, title: doc.title, published: doc.published,
    ...(meta.source != null ? { source: meta.source } : {}), ...(meta.url != null ? { url: meta.url } : {}),
    text: doc.text, entities,
    events: doc.events.map((e) => event(doc, e)),
    statements: doc.statements.map((s) => ({ speaker: actor(doc, s.speaker), start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) })),
  };
}
