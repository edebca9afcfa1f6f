// Who is most active and how a pair of countries gets along: aggregates over clusters, so one
// real-world event counts once however many outlets reported it.
import type { Database, Statement } from 'better-sqlite3';
import { cameoOf } from '../../export/cameo.ts';
import type { ActorStats, DateRange, DyadBucket } from '../types.ts';
import { dayFilter, paramsOf, participantFilter, whereOf } from './filters.ts';
import { statementCache } from './prepare.ts';

const DEFAULT_LIMIT = 30;
const PERIOD_LENGTH = { month: 7, year: 4 } as const;

interface ActorRow { id: number; kind: string; name_ar: string; name_en: string | null; country: string | null; events: number; documents: number }

/** CAMEO quad classes 1 and 2 are cooperation, 3 and 4 conflict (data/lexicon/cameo.tsv). */
const quadOf = (type: DyadBucket['type']) => cameoOf({ type, mode: null, status: null })?.quad ?? null;

export class Activity {
  private readonly prepared: (sql: string) => Statement;
  private readonly roles: Statement;

  constructor(db: Database) {
    this.prepared = statementCache(db);
    this.roles = db.prepare('SELECT role FROM entities WHERE actor_id = ? AND role IS NOT NULL GROUP BY role ORDER BY count(*) DESC, role').pluck();
  }

  /** The actors in the most events (clusters), with the roles articles gave them. */
  actors(q: DateRange & { limit?: number; country?: string }): ActorStats[] {
    const filters = [dayFilter(q, 'e.day')];
    if (q.country) filters.push({ where: ['a.country = @country'], params: { country: q.country.toUpperCase() } });
    const sql = `SELECT a.id, a.kind, a.name_ar, a.name_en, a.country,
        count(DISTINCT e.cluster_id) AS events, count(DISTINCT e.doc_id) AS documents
      FROM participants p JOIN events e ON e.id = p.event_id JOIN actors a ON a.id = p.actor_id
      ${whereOf(filters)}
      GROUP BY a.id ORDER BY events DESC, documents DESC, a.id LIMIT @limit`;
    const rows = this.prepared(sql).all({ ...paramsOf(filters), limit: q.limit ?? DEFAULT_LIMIT }) as ActorRow[];
    return rows.map(({ id, ...r }) => ({ ...r, roles: this.roles.all(id) as string[] }));
  }

  /** Events between two countries per period and type. */
  dyad(a: string, b: string, by: 'month' | 'year', range: DateRange = {}): DyadBucket[] {
    const filters = [participantFilter({ country: a, with: b }), dayFilter(range), { where: ["c.day <> ''"], params: {} }];
    const sql = `SELECT substr(c.day, 1, ${PERIOD_LENGTH[by]}) AS period, c.type, count(*) AS count FROM clusters c
      ${whereOf(filters)} GROUP BY period, c.type ORDER BY period, c.type`;
    const rows = this.prepared(sql).all(paramsOf(filters)) as { period: string; type: DyadBucket['type']; count: number }[];
    return rows.map((r) => {
      const quad = quadOf(r.type);
      return { ...r, cooperative: quad && quad <= 2 ? r.count : 0, conflictual: quad && quad >= 3 ? r.count : 0 };
    });
  }
}
