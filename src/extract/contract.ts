// The contract shape (../shared/contract/README.md) built from the annotated document.
import type { Doc, DocEntity, EventAnn, Ref } from './doc.ts';
import type { Actor, ContractDoc, ContractEvent, Entity, EventType } from './types.ts';

function actor(doc: Doc, ref: Ref): Actor {
  const e = doc.entities.get(ref);
  if (!e) return { kind: 'country', name_ar: ref, name_en: null, country: null, code: null };
  const kind = e.kind === 'place' ? 'country' : e.kind;
  return { kind, name_ar: e.nameAr, name_en: e.nameEn, country: e.country, code: kind === 'person' ? null : e.code ?? e.country };
}

function entity(doc: Doc, e: DocEntity): Entity {
  const mentions = doc.mentions.filter((m) => m.ref === e.ref)
    .map((m) => ({ start: doc.tokens[m.from].start, end: doc.tokens[m.to - 1].end }));
  const out: Entity = { kind: e.kind, name_ar: e.nameAr, name_en: e.nameEn, mentions };
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
