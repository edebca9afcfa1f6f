// Cross-document clusters in SQLite: which stored events are reports of one real event. The
// grouping itself is clusterEvents (src/cluster/cluster.ts); this file decides which events
// it sees and keeps the clusters table (one summary row per cluster) in step.
import type { Database, Statement } from 'better-sqlite3';
import { clusterEvents, PUBLISHED_WINDOW, type ClusterEvent } from '../../cluster/cluster.ts';
import { placeKey } from '../../cluster/keys.ts';

/** How far apart in days two reports of one event can be: a month-precise date covers up to
 *  31 days, and a publication date standing in for a missing one may be a week off. */
const NEAR_DAYS = 31 + PUBLISHED_WINDOW;
/** Beyond this share of pending events, comparing everything is cheaper than finding neighbours. */
const FULL_REBUILD_SHARE = 0.25;

interface MemberRow { id: number; cid: number; type: string; mode: string | null; status: string | null; date: string | null; day: string; published: string | null; source: string | null }
interface ClusterRow { id: number; type: string; date: string | null; place_ar: string | null; place_en: string | null; place_country: string | null; doc_id: number; source: string | null; published: string | null; evidence: string; keys: string | null }

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
    const byCluster = new Map<number, MemberRow[]>();
    for (const m of this.q.members.all(json(ids)) as MemberRow[]) {
      const list = byCluster.get(m.cid);
      if (list) list.push(m); else byCluster.set(m.cid, [m]);
    }
    for (const id of ids) {
      const members = byCluster.get(id);
      if (!members) { this.q.remove.run(id); continue; }
      // Members come first report first: it gives the summary, the firmest known date the day.
      const first = members[0];
      const dated = members.find((m) => m.date) ?? first;
      this.q.save.run({
        id, type: first.type, mode: first.mode, status: first.status, date: dated.date, day: dated.day, first: first.id,
        mentions: members.length, sources: new Set(members.map((m) => m.source ?? '')).size,
      });
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
      const groups = clusterEvents(rows.map(toClusterEvent));
      for (const g of groups) for (const id of g) this.q.assign.run(g[0], id);
      for (const g of groups) before.add(g[0]);
      this.refresh([...before]);
      return { clusters: groups.length, mentions: rows.length };
    }).immediate();
  }
}

function toClusterEvent(r: ClusterRow): ClusterEvent {
  const place = r.place_ar == null ? null : { name_ar: r.place_ar, name_en: r.place_en, country: r.place_country };
  return {
    id: r.id, type: r.type, participants: r.keys ? r.keys.split('\u0001') : [], date: r.date, place: placeKey(place),
    docId: r.doc_id, source: r.source, published: r.published, evidence: r.evidence,
  };
}
