// Cross-document clusters in SQLite: which stored events are reports of one real event. The
// grouping itself is clusterEvents (src/cluster/cluster.ts); this file decides which events
// it sees and keeps the clusters table (one summary row per cluster) in step.
import type { Database, Statement } from 'better-sqlite3';
import { clusterEvents } from '../../cluster/cluster.ts';
import { byCluster, clusterSummary, FULL_REBUILD_SHARE, NEAR_DAYS, toClusterEvent, type ClusterEventRow, type MemberRow } from '../cluster-rows.ts';

/** Participant keys come as one string, \u0001-separated. */
type ClusterRow = Omit<ClusterEventRow, 'keys'> & { keys: string | null };

const json = (ids: number[]) => JSON.stringify(ids);

export class ClusterTable {
  private readonly q: Record<string, Statement>;

  constructor(private readonly db: Database) {
    const p = (sql: string) => db.prepare(sql);
    const clusterEventColumns = `e.id, e.type, e.date_value AS date, e.place_ar, e.place_en, e.place_country, e.doc_id,
      d.source, d.published, e.evidence, (SELECT group_concat(key, char(1)) FROM cluster_keys k WHERE k.event_id = e.id) AS keys
      FROM events e JOIN documents d ON d.id = e.doc_id`;
    this.q = {
      members: p(`SELECT e.id, e.cluster_id AS cid, e.type, e.mode, e.status, e.date_value AS date, e.day, d.published, d.source
        FROM events e JOIN documents d ON d.id = e.doc_id
        WHERE e.cluster_id IN (SELECT value FROM json_each(?))
        ORDER BY e.cluster_id, d.published IS NULL, d.published, d.id, e.id`),
      markPending: p('UPDATE events SET pending = 1 WHERE cluster_id IN (SELECT value FROM json_each(?))'),
      save: p(`INSERT OR REPLACE INTO clusters (id, type, mode, status, date, day, first_event_id, mentions, sources)
        VALUES (@id, @type, @mode, @status, @date, @day, @first, @mentions, @sources)`),
      remove: p('DELETE FROM clusters WHERE id = ?'),
      pending: p('SELECT id FROM events WHERE pending = 1').pluck(),
      eventCount: p('SELECT count(*) FROM events').pluck(),
      // Pending events, the events they could be reports of the same event as (same type, a
      // shared participant, near in time), and every member of those events' clusters.
      neighbourhood: p(`WITH p(id) AS (SELECT value FROM json_each(?)),
        near(id) AS (
          SELECT k2.event_id FROM p JOIN cluster_keys k1 ON k1.event_id = p.id
          JOIN cluster_keys k2 ON k2.type = k1.type AND k2.key = k1.key
            AND k2.day BETWEEN date(k1.day, '-${NEAR_DAYS} days') AND date(k1.day, '+${NEAR_DAYS} days')
          UNION SELECT id FROM p)
        SELECT id FROM events WHERE cluster_id IN (SELECT e.cluster_id FROM events e JOIN near ON near.id = e.id)`).pluck(),
      someEvents: p(`SELECT ${clusterEventColumns} WHERE e.id IN (SELECT value FROM json_each(?))`),
      allEvents: p(`SELECT ${clusterEventColumns}`),
      clustersOf: p('SELECT DISTINCT cluster_id FROM events WHERE id IN (SELECT value FROM json_each(?))').pluck(),
      assign: p('UPDATE events SET cluster_id = ?, pending = 0 WHERE id = ?'),
    };
  }

  /**
   * Rewrites the summary rows of these clusters from their members, and drops the clusters left
   * without any. With `pending`, the remaining members are compared again at the next recluster
   * (their cluster lost a report, so they may belong elsewhere).
   */
  refresh(ids: number[], { pending = false } = {}): void {
    if (!ids.length) return;
    if (pending) this.q.markPending.run(json(ids));
    const groups = byCluster(this.q.members.all(json(ids)) as MemberRow[]);
    for (const id of ids) {
      const members = groups.get(id);
      if (members) this.q.save.run(clusterSummary(id, members)); else this.q.remove.run(id);
    }
  }

  /** Clusters the events stored or changed since the last call, with the stored events they
   *  may join; each group's cluster id is its smallest event id. */
  recluster(): { clusters: number; mentions: number } {
    return this.db.transaction(() => {
      const pending = this.q.pending.all() as number[];
      if (!pending.length) return { clusters: 0, mentions: 0 };
      const everything = pending.length > FULL_REBUILD_SHARE * (this.q.eventCount.get() as number);
      const rows = (everything ? this.q.allEvents.all() : this.q.someEvents.all(json(this.q.neighbourhood.all(json(pending)) as number[]))) as ClusterRow[];
      const before = new Set(this.q.clustersOf.all(json(rows.map((r) => r.id))) as number[]);
      const groups = clusterEvents(rows.map((r) => toClusterEvent({ ...r, keys: r.keys ? r.keys.split('\u0001') : [] })));
      for (const g of groups) for (const id of g) this.q.assign.run(g[0], id);
      for (const g of groups) before.add(g[0]);
      this.refresh([...before]);
      return { clusters: groups.length, mentions: rows.length };
    }).immediate();
  }
}
