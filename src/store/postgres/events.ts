// Event and actor queries: the SQL and the shaping of its rows are every backend's
// (../queries.ts); here they run on the pool.
import type pg from 'pg';
import { actorsQuery, actorStats, dyadBuckets, dyadQuery, eventPage, eventsQuery, MENTIONS_SQL, participantsSql, ROLES_SQL, type ActorRow, type ClusterRow, type ParticipantRow } from '../queries.ts';
import type { ActorStats, DateRange, DyadBucket, EventCluster, EventMention, EventQuery } from '../types.ts';
import { rowsOf } from './sql.ts';

const PARTICIPANTS_SQL = participantsSql('SELECT unnest(@ids::bigint[])');

export class PgQueries {
  constructor(private readonly pool: pg.Pool) {}

  async events(q: EventQuery): Promise<{ clusters: EventCluster[]; next: string | null }> {
    const { sql, params } = eventsQuery(q);
    const rows = await rowsOf<ClusterRow>(this.pool, sql, params);
    const participants = await rowsOf<ParticipantRow>(this.pool, PARTICIPANTS_SQL, { ids: rows.map((r) => r.first_event_id) });
    return eventPage(q, rows, participants);
  }

  async eventMentions(clusterId: number): Promise<EventMention[]> {
    return rowsOf<EventMention>(this.pool, MENTIONS_SQL, { id: clusterId });
  }

  /** The actors in the most events (clusters), with the roles articles gave them. */
  async actors(q: DateRange & { limit?: number; country?: string }): Promise<ActorStats[]> {
    const { sql, params } = actorsQuery(q);
    const rows = await rowsOf<ActorRow>(this.pool, sql, params);
    const roles = await Promise.all(rows.map((r) => rowsOf<{ role: string }>(this.pool, ROLES_SQL, { id: r.id })));
    return rows.map((r, i) => actorStats(r, roles[i].map((x) => x.role)));
  }

  /** Events between two countries per period and type. */
  async dyad(a: string, b: string, by: 'month' | 'year', range: DateRange = {}): Promise<DyadBucket[]> {
    const { sql, params } = dyadQuery(a, b, by, range);
    return dyadBuckets(await rowsOf(this.pool, sql, params));
  }
}
