// Cross-document clusters in PostgreSQL, as the SQLite backend keeps them (../sqlite/clusters.ts,
// with the shared parts in ../cluster-rows.ts). Several workers may store articles while one of
// them reclusters: reclustering takes the clusters lock, and only settles the events it found
// pending, so events stored meanwhile stay pending for the next round.
import type pg from 'pg';
import { clusterEvents } from '../../cluster/cluster.ts';
import { byCluster, clusterSummary, FULL_REBUILD_SHARE, NEAR_DAYS, toClusterEvent, type ClusterEventRow, type MemberRow } from '../cluster-rows.ts';
import { jsonRows, LOCKS, transaction, type Db } from './sql.ts';

const CLUSTER_EVENT_COLUMNS = `SELECT e.id, e.type, e.date_value AS date, e.place_ar, e.place_en, e.place_country, e.doc_id,
    d.source, d.published, e.evidence, ARRAY(SELECT key FROM cluster_keys k WHERE k.event_id = e.id) AS keys
  FROM events e JOIN documents d ON d.id = e.doc_id`;

/** Pending events, the events they could be reports of the same event as (same type, a shared
 *  participant, near in time), and every member of those events' clusters. */
const NEIGHBOURHOOD = `WITH p(id) AS (SELECT unnest($1::bigint[])),
  near(id) AS (
    SELECT k2.event_id FROM p JOIN cluster_keys k1 ON k1.event_id = p.id
    JOIN cluster_keys k2 ON k2.type = k1.type AND k2.key = k1.key
      AND k2.day_number BETWEEN k1.day_number - ${NEAR_DAYS} AND k1.day_number + ${NEAR_DAYS}
    UNION SELECT id FROM p)
  SELECT id FROM events WHERE cluster_id IN (SELECT e.cluster_id FROM events e JOIN near ON near.id = e.id)`;

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

export class PgClusters {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Rewrites the summary rows of these clusters from their members, and drops the clusters left
   * without any. With `pending`, the remaining members are compared again at the next recluster
   * (their cluster lost a report, so they may belong elsewhere).
   */
  async refresh(db: Db, clusterIds: number[], { pending = false } = {}): Promise<void> {
    if (!clusterIds.length) return;
    if (pending) await db.query('UPDATE events SET pending = true WHERE cluster_id = ANY($1)', [clusterIds]);
    const { rows } = await db.query(`SELECT e.id, e.cluster_id AS cid, e.type, e.mode, e.status, e.date_value AS date, e.day, d.published, d.source
      FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster_id = ANY($1)
      ORDER BY e.cluster_id, d.published IS NULL, d.published, d.id, e.id`, [clusterIds]);
    const groups = byCluster(rows as MemberRow[]);
    const summaries = [...groups].map(([id, members]) => clusterSummary(id, members));
    await db.query('DELETE FROM clusters WHERE id = ANY($1)', [clusterIds.filter((id) => !groups.has(id))]);
    await db.query(`INSERT INTO clusters (id, type, mode, status, date, day, first_event_id, mentions, sources)
      SELECT id, type, mode, status, date, day, first, mentions, sources FROM jsonb_to_recordset($1::jsonb)
        AS x(id bigint, type text, mode text, status text, date text, day text, first bigint, mentions integer, sources integer)
      ON CONFLICT (id) DO UPDATE SET type = excluded.type, mode = excluded.mode, status = excluded.status, date = excluded.date,
        day = excluded.day, first_event_id = excluded.first_event_id, mentions = excluded.mentions, sources = excluded.sources`,
    [jsonRows(summaries)]);
  }

  /** Clusters the events stored or changed since the last call, with the stored events they
   *  may join; each group's cluster id is its smallest event id. */
  async recluster(): Promise<{ clusters: number; mentions: number }> {
    return transaction(this.pool, async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.clusters]);
      const pending = ids((await db.query('SELECT id FROM events WHERE pending')).rows);
      if (!pending.length) return { clusters: 0, mentions: 0 };
      const { rows: [{ n }] } = await db.query('SELECT count(*) AS n FROM events');
      const everything = pending.length > FULL_REBUILD_SHARE * n;
      const rows = (everything
        ? await db.query(CLUSTER_EVENT_COLUMNS)
        : await db.query(`${CLUSTER_EVENT_COLUMNS} WHERE e.id IN (${NEIGHBOURHOOD})`, [pending])).rows as ClusterEventRow[];
      const before = new Set((await db.query('SELECT DISTINCT cluster_id AS id FROM events WHERE id = ANY($1)', [ids(rows)])).rows.map((r) => r.id as number));
      const groups = clusterEvents(rows.map(toClusterEvent));
      const assignments = groups.flatMap((g) => g.map((id) => ({ id, cid: g[0] })));
      // Events stored since `pending` was read may be among the rows: they keep their flag.
      await db.query(`UPDATE events e SET cluster_id = x.cid, pending = e.pending AND e.id <> ALL($2::bigint[])
        FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, cid bigint)
        WHERE e.id = x.id AND (e.cluster_id <> x.cid OR e.pending)`, [jsonRows(assignments), pending]);
      for (const g of groups) before.add(g[0]);
      await this.refresh(db, [...before]);
      return { clusters: groups.length, mentions: rows.length };
    });
  }
}
