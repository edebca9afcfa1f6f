// Articles read back from PostgreSQL, many at a time (an export reads them in pages), from one
// snapshot so an article replaced meanwhile is read whole, before or after; ../rows.ts makes
// the rows contract documents.
import type pg from 'pg';
import type { Span } from '../../extract/types.ts';
import { entityOf, eventOf, sidesOf, statementOf, storedDoc, type DocRow, type EntityRow, type EventRow, type ParticipantRow, type StatementRow } from '../rows.ts';
import type { StoredDoc } from '../types.ts';
import { transaction } from './sql.ts';

type OfDoc<R> = R & { doc_id: number };

function byDoc<R extends { doc_id: number }>(rows: R[]): Map<number, R[]> {
  const out = new Map<number, R[]>();
  for (const r of rows) {
    const list = out.get(r.doc_id);
    if (list) list.push(r); else out.set(r.doc_id, [r]);
  }
  return out;
}

export class PgReader {
  constructor(private readonly pool: pg.Pool) {}

  async byId(id: number): Promise<StoredDoc | null> {
    return (await this.many([id]))[0] ?? null;
  }

  async byKey(key: string): Promise<StoredDoc | null> {
    const { rows } = await this.pool.query('SELECT id FROM documents WHERE key = $1', [key]);
    return rows.length ? this.byId(rows[0].id) : null;
  }

  /** The articles with these ids, in this order (ids not stored are left out). */
  async many(ids: number[]): Promise<StoredDoc[]> {
    return transaction(this.pool, async (db) => {
      const q = async <R>(sql: string) => (await db.query(sql, [ids])).rows as R[];
      const docs = await q<DocRow>('SELECT id, key, title, published, source, url, text FROM documents WHERE id = ANY($1)');
      const entities = byDoc(await q<OfDoc<EntityRow & { mentions: [number, number][] }>>(`SELECT doc_id, kind, name_ar, name_en, code, country, role, mentions
        FROM entities WHERE doc_id = ANY($1) ORDER BY doc_id, ord`));
      const events = byDoc(await q<OfDoc<EventRow>>('SELECT * FROM events WHERE doc_id = ANY($1) ORDER BY doc_id, id'));
      const sides = sidesOf(await q<ParticipantRow>(`SELECT p.event_id, p.role, p.kind, p.name_ar, p.name_en, p.country, p.code
        FROM participants p JOIN events e ON e.id = p.event_id WHERE e.doc_id = ANY($1) ORDER BY p.event_id, p.role, p.ord`));
      const statements = byDoc(await q<OfDoc<StatementRow>>('SELECT * FROM statements WHERE doc_id = ANY($1) ORDER BY doc_id, ord'));
      const byId = new Map(docs.map((d) => [d.id, d]));
      return ids.flatMap((id) => {
        const d = byId.get(id);
        if (!d) return [];
        return [storedDoc(d, {
          entities: (entities.get(id) ?? []).map((r) => entityOf(r, r.mentions.map(([start, end]): Span => ({ start, end })))),
          events: (events.get(id) ?? []).map((r) => eventOf(r, sides)),
          statements: (statements.get(id) ?? []).map(statementOf),
        })];
      });
    }, 'REPEATABLE READ');
  }
}
