// Who is most active and how a pair of countries gets along: aggregates over clusters, so one
// real-world event counts once however many outlets reported it. The SQL and the shaping of
// its rows are every backend's (../queries.ts).
import type { Database, Statement } from 'better-sqlite3';
import { actorsQuery, actorStats, dyadBuckets, dyadQuery, ROLES_SQL, type ActorRow } from '../queries.ts';
import type { ActorStats, DateRange, DyadBucket } from '../types.ts';
import { statementCache } from './prepare.ts';

export class Activity {
  private readonly prepared: (sql: string) => Statement;
  private readonly roles: Statement;

  constructor(db: Database) {
    this.prepared = statementCache(db);
    this.roles = db.prepare(ROLES_SQL).pluck();
  }

  /** The actors in the most events (clusters), with the roles articles gave them. */
  actors(q: DateRange & { limit?: number; country?: string }): ActorStats[] {
    const { sql, params } = actorsQuery(q);
    return (this.prepared(sql).all(params) as ActorRow[]).map((r) => actorStats(r, this.roles.all({ id: r.id }) as string[]));
  }

  /** Events between two countries per period and type. */
  dyad(a: string, b: string, by: 'month' | 'year', range: DateRange = {}): DyadBucket[] {
    const { sql, params } = dyadQuery(a, b, by, range);
    return dyadBuckets(this.prepared(sql).all(params) as Parameters<typeof dyadBuckets>[0]);
  }
}
