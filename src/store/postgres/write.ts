// Writing a batch of articles in one transaction, table by table: each table gets one
// statement for the whole batch (its rows passed as one JSON parameter), so a batch costs a
// dozen round trips whatever its size, and concurrent workers spend their time extracting
// rather than waiting on the network.
import type pg from 'pg';
import { participantKeys } from '../../cluster/keys.ts';
import type { Actor } from '../../extract/types.ts';
import { eventDay } from '../days.ts';
import { actorIdentity, iso3Of } from '../identity.ts';
import { digestOf, entityActor } from '../placement.ts';
import { searchText } from '../searchtext.ts';
import type { IngestDoc, UpsertResult } from '../types.ts';
import { storeActors } from './actors.ts';
import type { PgClusters } from './clusters.ts';
import { planBatch, resultsOf, type DocRowRef, type DocWrite, type PreparedDoc } from './plan.ts';
import { SEARCH_VECTOR } from './search.ts';
import { jsonRows, LOCKS, transaction } from './sql.ts';

const DAY_MS = 86_400_000;

/** Days since 1970 of a YYYY-MM-DD day, for the clustering window. */
function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Ids from a table's sequence, in order, for rows whose children are written in the same
 *  batch. */
async function allocate(db: pg.PoolClient, sequence: string, count: number): Promise<number[]> {
  if (!count) return [];
  const { rows } = await db.query(`SELECT nextval('${sequence}') AS id FROM generate_series(1, $1)`, [count]);
  return rows.map((r: { id: number }) => r.id).sort((a, b) => a - b);
}

const DOC_COLUMNS = 'id bigint, key text, source text, url text, title text, published text, text text, hash text, digest text, title_keys text, body_keys text';

export class PgWriter {
  constructor(private readonly pool: pg.Pool, private readonly clusters: PgClusters) {}

  async known(ref: { url?: string | null; hash?: string | null }): Promise<boolean> {
    const { rows } = await this.pool.query(`SELECT EXISTS (SELECT 1 FROM documents WHERE url = $1)
      OR EXISTS (SELECT 1 FROM documents WHERE hash = $2) AS known`, [ref.url ?? null, ref.hash ?? null]);
    return rows[0].known;
  }

  /** The whole batch in one transaction: all of it is stored, or none. */
  async upsert(batch: IngestDoc[]): Promise<UpsertResult[]> {
    if (!batch.length) return [];
    const prepared = batch.map((item): PreparedDoc => ({ item, digest: digestOf(item.doc), titleKeys: searchText(item.doc.title), bodyKeys: searchText(item.doc.text) }));
    return transaction(this.pool, async (db) => {
      await lockArticles(db, batch);
      const plan = planBatch(prepared, await storedRows(db, batch));
      const fresh = await allocate(db, 'documents_id_seq', plan.created.length);
      plan.created.forEach((row, i) => { row.id = fresh[i]; });
      const replaced = plan.writes.filter((w) => !w.row.created).map((w) => w.row.id);
      const emptied = replaced.length ? await this.clearReplaced(db, replaced) : [];
      await writeDocuments(db, plan.writes);
      const actorIds = await storeActors(db, plan.versions.map((v) => v.item.doc));
      await writeContents(db, plan.writes, (a) => actorIds.get(actorIdentity(a))!);
      await this.clusters.refresh(db, emptied, { pending: true });
      return resultsOf(plan);
    });
  }

  /** Removes what replaced articles said before; the clusters that lose reports. */
  private async clearReplaced(db: pg.PoolClient, ids: number[]): Promise<number[]> {
    // Cluster membership changes here: reclustering must not run meanwhile.
    await db.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.clusters]);
    const { rows } = await db.query('SELECT DISTINCT cluster_id FROM events WHERE doc_id = ANY($1)', [ids]);
    for (const table of ['events', 'entities', 'statements']) await db.query(`DELETE FROM ${table} WHERE doc_id = ANY($1)`, [ids]);
    return rows.map((r: { cluster_id: number }) => r.cluster_id);
  }
}

/** Keys, URLs and hashes of the batch, locked in one order by every writer: two workers given
 *  the same article store it once, the second finding it stored. */
async function lockArticles(db: pg.PoolClient, batch: IngestDoc[]): Promise<void> {
  const names = batch.flatMap((b) => [`k:${b.doc.id}`, `h:${b.hash}`, ...(b.url ? [`u:${b.url}`] : [])]);
  await db.query(`SELECT pg_advisory_xact_lock(k) FROM (
    SELECT DISTINCT hashtextextended(name, 0) AS k FROM unnest($1::text[]) AS name ORDER BY k) AS locks`, [names]);
}

async function storedRows(db: pg.PoolClient, batch: IngestDoc[]): Promise<DocRowRef[]> {
  const { rows } = await db.query(`SELECT id, key, url, hash, digest, false AS created FROM documents
    WHERE key = ANY($1) OR url = ANY($2) OR hash = ANY($3) ORDER BY id`,
  [batch.map((b) => b.doc.id), batch.flatMap((b) => (b.url ? [b.url] : [])), batch.map((b) => b.hash)]);
  return rows as DocRowRef[];
}

async function writeDocuments(db: pg.PoolClient, writes: DocWrite[]): Promise<void> {
  const rowOf = ({ item: { doc, hash, source, url }, digest, row, titleKeys, bodyKeys }: DocWrite) => ({
    id: row.id, key: doc.id, source, url, title: doc.title, published: doc.published, text: doc.text, hash, digest,
    title_keys: titleKeys, body_keys: bodyKeys,
  });
  const created = writes.filter((w) => w.row.created).map(rowOf);
  const replaced = writes.filter((w) => !w.row.created).map(rowOf);
  if (created.length) {
    await db.query(`INSERT INTO documents (id, key, source, url, title, published, text, hash, digest, ingested_at, search)
      SELECT x.id, x.key, x.source, x.url, x.title, x.published, x.text, x.hash, x.digest, now(), ${SEARCH_VECTOR}
      FROM jsonb_to_recordset($1::jsonb) AS x(${DOC_COLUMNS})`, [jsonRows(created)]);
  }
  if (replaced.length) {
    await db.query(`UPDATE documents d SET source = x.source, url = coalesce(x.url, d.url), title = x.title, published = x.published,
        text = x.text, hash = x.hash, digest = x.digest, ingested_at = now(), search = ${SEARCH_VECTOR}
      FROM jsonb_to_recordset($1::jsonb) AS x(${DOC_COLUMNS}) WHERE d.id = x.id`, [jsonRows(replaced)]);
  }
}

/** Entities, events (each its own cluster until clustering compares it with other articles'),
 *  their participants and cluster keys, and statements. */
async function writeContents(db: pg.PoolClient, writes: DocWrite[], actorId: (a: Actor) => number): Promise<void> {
  const eventIds = await allocate(db, 'events_id_seq', writes.reduce((n, w) => n + w.item.doc.events.length, 0));
  const entities: object[] = [], events: object[] = [], participants: object[] = [], keys: object[] = [], statements: object[] = [];
  for (const { item: { doc }, row: { id: docId } } of writes) {
    doc.entities.forEach((e, ord) => {
      const actor = entityActor(e);
      entities.push({
        doc_id: docId, ord, kind: e.kind, name_ar: e.name_ar, name_en: e.name_en, code: e.code ?? null, country: e.country ?? null,
        role: e.role ?? null, actor_id: actor ? actorId(actor) : null, mentions: e.mentions.map((m) => [m.start, m.end]),
      });
    });
    for (const e of doc.events) {
      const id = eventIds.shift()!;
      const day = eventDay(e.date?.value, doc.published);
      events.push({
        id, doc_id: docId, type: e.type, mode: e.mode, status: e.status,
        date_value: e.date?.value ?? null, date_precision: e.date?.precision ?? null, date_text: e.date?.text ?? null,
        place_ar: e.place?.name_ar ?? null, place_en: e.place?.name_en ?? null, place_country: e.place?.country ?? null,
        evidence_start: e.evidence.start, evidence_end: e.evidence.end, evidence: e.evidence.text, confidence: e.confidence, day,
      });
      for (const [role, actors] of [['actor', e.actors], ['recipient', e.recipients]] as const) {
        actors.forEach((a, ord) => participants.push({ event_id: id, role, ord, kind: a.kind, name_ar: a.name_ar, name_en: a.name_en, country: a.country, code: a.code, iso3: iso3Of(a), actor_id: actorId(a) }));
      }
      // Undated reports of unknown publication date are never clustered: no keys to find them by.
      if (day) for (const key of new Set(participantKeys(e.type, e.actors, e.recipients))) keys.push({ event_id: id, key, type: e.type, day, day_number: dayNumber(day) });
    }
    doc.statements.forEach((s, ord) => {
      const a = s.speaker;
      statements.push({ doc_id: docId, ord, start_offset: s.start, end_offset: s.end, text: s.text, kind: a.kind, name_ar: a.name_ar, name_en: a.name_en, country: a.country, code: a.code, actor_id: actorId(a) });
    });
  }
  await db.query(`INSERT INTO entities (doc_id, ord, kind, name_ar, name_en, code, country, role, actor_id, mentions)
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(doc_id bigint, ord integer, kind text, name_ar text, name_en text, code text,
      country text, role text, actor_id bigint, mentions jsonb)`, [jsonRows(entities)]);
  await db.query(`WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, doc_id bigint, type text, mode text, status text,
      date_value text, date_precision text, date_text text, place_ar text, place_en text, place_country text,
      evidence_start integer, evidence_end integer, evidence text, confidence double precision, day text)),
    stored AS (INSERT INTO events (id, doc_id, type, mode, status, date_value, date_precision, date_text, place_ar, place_en,
      place_country, evidence_start, evidence_end, evidence, confidence, day, cluster_id)
      SELECT x.*, x.id FROM x)
    INSERT INTO clusters (id, type, mode, status, date, day, first_event_id, mentions, sources)
    SELECT id, type, mode, status, date_value, day, id, 1, 1 FROM x`, [jsonRows(events)]);
  await db.query(`INSERT INTO participants (event_id, role, ord, kind, name_ar, name_en, country, code, iso3, actor_id)
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(event_id bigint, role text, ord integer, kind text, name_ar text, name_en text,
      country text, code text, iso3 text, actor_id bigint)`, [jsonRows(participants)]);
  await db.query(`INSERT INTO cluster_keys (event_id, key, type, day, day_number)
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(event_id bigint, key text, type text, day text, day_number integer)`, [jsonRows(keys)]);
  await db.query(`INSERT INTO statements (doc_id, ord, start_offset, end_offset, text, kind, name_ar, name_en, country, code, actor_id)
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(doc_id bigint, ord integer, start_offset integer, end_offset integer, text text,
      kind text, name_ar text, name_en text, country text, code text, actor_id bigint)`, [jsonRows(statements)]);
}
