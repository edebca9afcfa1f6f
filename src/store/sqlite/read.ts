// Articles read back in the contract shape, field for field and in the order `extract` writes
// them (src/extract/contract.ts), so an export equals the extraction that was stored.
import type { Database, Statement } from 'better-sqlite3';
import type { Actor, ContractDoc, ContractEvent, Entity } from '../../extract/types.ts';

interface DocRow { id: number; key: string; title: string | null; published: string | null; source: string | null; url: string | null; text: string }
interface EntityRow { id: number; kind: Entity['kind']; name_ar: string; name_en: string | null; code: string | null; country: string | null; role: string | null; start_offset: number | null; end_offset: number | null }
interface ActorRow { kind: Actor['kind']; name_ar: string; name_en: string | null; country: string | null; code: string | null }
interface ParticipantRow extends ActorRow { event_id: number; role: 'actor' | 'recipient' }
interface EventRow {
  id: number; type: ContractEvent['type']; mode: ContractEvent['mode']; status: ContractEvent['status'];
  date_value: string | null; date_precision: 'day' | 'month' | 'year' | null; date_text: string | null;
  place_ar: string | null; place_en: string | null; place_country: string | null;
  evidence_start: number; evidence_end: number; evidence: string; confidence: number;
}
interface StatementRow extends ActorRow { start_offset: number; end_offset: number; text: string }

export const actorOf = (r: ActorRow): Actor => ({ kind: r.kind, name_ar: r.name_ar, name_en: r.name_en, country: r.country, code: r.code });

function entityOf(r: EntityRow): Entity {
  const out: Entity = { kind: r.kind, name_ar: r.name_ar, name_en: r.name_en, mentions: [] };
  if (r.kind === 'country' || r.kind === 'org') out.code = r.code;
  if (r.kind !== 'org') out.country = r.country;
  if (r.kind === 'person') out.role = r.role;
  return out;
}

function eventOf(r: EventRow, actors: Actor[], recipients: Actor[]): ContractEvent {
  return {
    type: r.type, mode: r.mode, status: r.status, actors, recipients,
    date: r.date_text == null ? null : { value: r.date_value, precision: r.date_precision, text: r.date_text },
    place: r.place_ar == null ? null : { name_ar: r.place_ar, name_en: r.place_en, country: r.place_country },
    evidence: { start: r.evidence_start, end: r.evidence_end, text: r.evidence },
    confidence: r.confidence,
  };
}

export class DocReader {
  private readonly q: Record<string, Statement>;

  constructor(db: Database) {
    const p = (sql: string) => db.prepare(sql);
    const docColumns = 'SELECT id, key, title, published, source, url, text FROM documents';
    this.q = {
      byId: p(`${docColumns} WHERE id = ?`),
      byKey: p(`${docColumns} WHERE key = ?`),
      entities: p(`SELECT e.id, e.kind, e.name_ar, e.name_en, e.code, e.country, e.role, m.start_offset, m.end_offset
        FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id WHERE e.doc_id = ? ORDER BY e.id, m.ord`),
      events: p('SELECT * FROM events WHERE doc_id = ? ORDER BY id'),
      participants: p(`SELECT p.event_id, p.role, p.kind, p.name_ar, p.name_en, p.country, p.code
        FROM participants p JOIN events e ON e.id = p.event_id WHERE e.doc_id = ? ORDER BY p.event_id, p.role, p.ord`),
      statements: p('SELECT * FROM statements WHERE doc_id = ? ORDER BY id'),
    };
  }

  byId(id: number): (ContractDoc & { docId: number }) | null {
    return this.assemble(this.q.byId.get(id) as DocRow | undefined);
  }

  byKey(key: string): (ContractDoc & { docId: number }) | null {
    return this.assemble(this.q.byKey.get(key) as DocRow | undefined);
  }

  /** The contract document alone, as `extract` wrote it. */
  contract(id: number): ContractDoc | null {
    const doc = this.byId(id);
    if (!doc) return null;
    const { docId: _, ...contract } = doc;
    return contract;
  }

  private assemble(d: DocRow | undefined): (ContractDoc & { docId: number }) | null {
    if (!d) return null;
    const entities = new Map<number, Entity>();
    for (const r of this.q.entities.all(d.id) as EntityRow[]) {
      let e = entities.get(r.id);
      if (!e) entities.set(r.id, (e = entityOf(r)));
      if (r.start_offset != null) e.mentions.push({ start: r.start_offset, end: r.end_offset! });
    }
    const sides = new Map<number, { actor: Actor[]; recipient: Actor[] }>();
    for (const r of this.q.participants.all(d.id) as ParticipantRow[]) {
      let s = sides.get(r.event_id);
      if (!s) sides.set(r.event_id, (s = { actor: [], recipient: [] }));
      s[r.role].push(actorOf(r));
    }
    const events = (this.q.events.all(d.id) as EventRow[]).map((r) => eventOf(r, sides.get(r.id)?.actor ?? [], sides.get(r.id)?.recipient ?? []));
    const statements = (this.q.statements.all(d.id) as StatementRow[])
      .map((r) => ({ speaker: actorOf(r), start: r.start_offset, end: r.end_offset, text: r.text }));
    return {
      id: d.key, title: d.title, published: d.published,
      ...(d.source != null ? { source: d.source } : {}), ...(d.url != null ? { url: d.url } : {}),
      text: d.text, entities: [...entities.values()], events, statements, docId: d.id,
    };
  }
}
