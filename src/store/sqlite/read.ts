// Articles read back from SQLite: one article's rows, made contract documents by ../rows.ts.
import type { Database, Statement } from 'better-sqlite3';
import type { ContractDoc, Entity } from '../../extract/types.ts';
import { contractOf, entityOf, eventOf, sidesOf, statementOf, storedDoc, type DocRow, type EntityRow, type EventRow, type ParticipantRow, type StatementRow } from '../rows.ts';
import type { StoredDoc } from '../types.ts';

type EntityMentionRow = EntityRow & { id: number; start_offset: number | null; end_offset: number | null };

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

  byId(id: number): StoredDoc | null {
    return this.assemble(this.q.byId.get(id) as DocRow | undefined);
  }

  byKey(key: string): StoredDoc | null {
    return this.assemble(this.q.byKey.get(key) as DocRow | undefined);
  }

  /** The contract document alone, as `extract` wrote it. */
  contract(id: number): ContractDoc | null {
    const doc = this.byId(id);
    return doc && contractOf(doc);
  }

  private assemble(d: DocRow | undefined): StoredDoc | null {
    if (!d) return null;
    const entities = new Map<number, Entity>();
    for (const r of this.q.entities.all(d.id) as EntityMentionRow[]) {
      let e = entities.get(r.id);
      if (!e) entities.set(r.id, (e = entityOf(r)));
      if (r.start_offset != null) e.mentions.push({ start: r.start_offset, end: r.end_offset! });
    }
    const sides = sidesOf(this.q.participants.all(d.id) as ParticipantRow[]);
    const events = (this.q.events.all(d.id) as EventRow[]).map((r) => eventOf(r, sides));
    const statements = (this.q.statements.all(d.id) as StatementRow[]).map(statementOf);
    return storedDoc(d, { entities: [...entities.values()], events, statements });
  }
}
