// Stored rows back to the contract shape, field for field and in the order `extract` writes
// them (src/extract/contract.ts), so an export equals the extraction that was stored. Every
// backend stores the same columns and rebuilds articles through these functions.
import type { Actor, ContractDoc, ContractEvent, ContractStatement, Entity, Span } from '../extract/types.ts';
import type { StoredDoc } from './types.ts';

export interface DocRow { id: number; key: string; title: string | null; published: string | null; source: string | null; url: string | null; text: string }
export interface EntityRow { kind: Entity['kind']; name_ar: string; name_en: string | null; code: string | null; country: string | null; role: string | null }
export interface ActorRow { kind: Actor['kind']; name_ar: string; name_en: string | null; country: string | null; code: string | null }
export interface ParticipantRow extends ActorRow { event_id: number; role: 'actor' | 'recipient' }
export interface EventRow {
  id: number; type: ContractEvent['type']; mode: ContractEvent['mode']; status: ContractEvent['status'];
  date_value: string | null; date_precision: 'day' | 'month' | 'year' | null; date_text: string | null;
  place_ar: string | null; place_en: string | null; place_country: string | null;
  evidence_start: number; evidence_end: number; evidence: string; confidence: number;
}
export interface StatementRow extends ActorRow { start_offset: number; end_offset: number; text: string }

export const actorOf = (r: ActorRow): Actor => ({ kind: r.kind, name_ar: r.name_ar, name_en: r.name_en, country: r.country, code: r.code });

export function entityOf(r: EntityRow, mentions: Span[] = []): Entity {
  const out: Entity = { kind: r.kind, name_ar: r.name_ar, name_en: r.name_en, mentions };
  if (r.kind === 'country' || r.kind === 'org') out.code = r.code;
  if (r.kind !== 'org') out.country = r.country;
  if (r.kind === 'person') out.role = r.role;
  return out;
}

/** Each event's actors and recipients, from participant rows in (event, role, order) order. */
export function sidesOf(rows: ParticipantRow[]): Map<number, { actor: Actor[]; recipient: Actor[] }> {
  const sides = new Map<number, { actor: Actor[]; recipient: Actor[] }>();
  for (const r of rows) {
    let s = sides.get(r.event_id);
    if (!s) sides.set(r.event_id, (s = { actor: [], recipient: [] }));
    s[r.role].push(actorOf(r));
  }
  return sides;
}

export function eventOf(r: EventRow, sides: ReturnType<typeof sidesOf>): ContractEvent {
  return {
    type: r.type, mode: r.mode, status: r.status, actors: sides.get(r.id)?.actor ?? [], recipients: sides.get(r.id)?.recipient ?? [],
    date: r.date_text == null ? null : { value: r.date_value, precision: r.date_precision, text: r.date_text },
    place: r.place_ar == null ? null : { name_ar: r.place_ar, name_en: r.place_en, country: r.place_country },
    evidence: { start: r.evidence_start, end: r.evidence_end, text: r.evidence },
    confidence: r.confidence,
  };
}

export const statementOf = (r: StatementRow): ContractStatement => ({ speaker: actorOf(r), start: r.start_offset, end: r.end_offset, text: r.text });

export function storedDoc(d: DocRow, parts: Pick<ContractDoc, 'entities' | 'events' | 'statements'>): StoredDoc {
  return {
    id: d.key, title: d.title, published: d.published,
    ...(d.source != null ? { source: d.source } : {}), ...(d.url != null ? { url: d.url } : {}),
    text: d.text, ...parts, docId: d.id,
  };
}

/** The contract document alone, as `extract` wrote it. */
export function contractOf(doc: StoredDoc): ContractDoc {
  const { docId: _, ...contract } = doc;
  return contract;
}
