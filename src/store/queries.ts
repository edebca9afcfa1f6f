// The event and actor queries of every backend: their SQL (which SQLite and PostgreSQL both
// accept, with named @parameters) and what turns their rows into answers, so both backends
// answer the same question the same way.
import { cameoOf } from '../export/cameo.ts';
import { dayFilter, paramsOf, participantFilter, whereOf, type Filter } from './filters.ts';
import { actorOf } from './rows.ts';
import type { ActorRef, ActorStats, DateRange, DyadBucket, EventCluster, EventQuery } from './types.ts';

export interface Query { sql: string; params: Filter['params'] }

const DEFAULT_EVENTS = 50;
const DEFAULT_ACTORS = 30;
const PERIOD_LENGTH = { month: 7, year: 4 } as const;

/** Pages continue after the last cluster shown, in the (day, id) order of the listing. */
const encodeCursor = (day: string, id: number) => Buffer.from(JSON.stringify([day, id])).toString('base64url');
function decodeCursor(cursor: string): [string, number] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'number') throw new Error(`not a cursor from this store: ${cursor}`);
  return [value[0], value[1]];
}

export interface ClusterRow { id: number; type: EventCluster['type']; mode: string | null; status: string | null; date: string | null; day: string; mentions: number; sources: number; first_event_id: number; place_ar: string | null; place_en: string | null; evidence: string; doc_key: string; url: string | null }
export type ParticipantRow = ActorRef & { event_id: number; role: 'actor' | 'recipient' };

/** Clusters newest first, one row more than the page to tell whether another follows. */
export function eventsQuery(q: EventQuery): Query {
  const filters = [participantFilter(q.country || !q.with ? q : { ...q, country: q.with, with: undefined }), dayFilter(q)];
  if (q.type) filters.push({ where: ['c.type = @type'], params: { type: q.type } });
  if (q.mode) filters.push({ where: ['c.mode = @mode'], params: { mode: q.mode } });
  if (q.after) {
    const [day, id] = decodeCursor(q.after);
    filters.push({ where: ['(c.day < @afterDay OR (c.day = @afterDay AND c.id < @afterId))'], params: { afterDay: day, afterId: id } });
  }
  const sql = `SELECT c.id, c.type, c.mode, c.status, c.date, c.day, c.mentions, c.sources, c.first_event_id,
      e.place_ar, e.place_en, e.evidence, d.key AS doc_key, d.url
    FROM clusters c JOIN events e ON e.id = c.first_event_id JOIN documents d ON d.id = e.doc_id
    ${whereOf(filters)}
    ORDER BY c.day DESC, c.id DESC LIMIT @limit`;
  return { sql, params: { ...paramsOf(filters), limit: (q.limit ?? DEFAULT_EVENTS) + 1 } };
}

/** The participants of events, in the order the listing shows them: `@ids` is supplied by
 *  each backend as it passes a list (json_each in SQLite, an array in PostgreSQL). */
export const participantsSql = (ids: string) => `SELECT event_id, role, kind, name_ar, name_en, country, code
  FROM participants WHERE event_id IN (${ids}) ORDER BY event_id, role, ord`;

/** The page of an events query from its rows and their first reports' participants. */
export function eventPage(q: EventQuery, rows: ClusterRow[], participants: ParticipantRow[]): { clusters: EventCluster[]; next: string | null } {
  const limit = q.limit ?? DEFAULT_EVENTS;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const clusters = page.map((r): EventCluster => {
    const own = participants.filter((p) => p.event_id === r.first_event_id);
    return {
      id: r.id, type: r.type, mode: r.mode, status: r.status, date: r.date, place: r.place_en ?? r.place_ar,
      actors: own.filter((p) => p.role === 'actor').map(actorOf), recipients: own.filter((p) => p.role === 'recipient').map(actorOf),
      mentions: r.mentions, sources: r.sources, evidence: r.evidence, docKey: r.doc_key, url: r.url,
    };
  });
  return { clusters, next: rows.length > limit ? encodeCursor(last.day, last.id) : null };
}

/** Every report of a cluster, first published first. */
export const MENTIONS_SQL = `SELECT e.doc_id AS "docId", d.key AS "docKey", d.source, d.url, d.published, e.evidence,
    e.evidence_start AS start, e.evidence_end AS "end", e.confidence
  FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster_id = @id ORDER BY d.published IS NULL, d.published, d.id, e.id`;

export interface ActorRow { id: number; kind: string; name_ar: string; name_en: string | null; country: string | null; events: number; documents: number }

/** The actors in the most events (clusters). */
export function actorsQuery(q: DateRange & { limit?: number; country?: string }): Query {
  const filters = [dayFilter(q, 'e.day')];
  if (q.country) filters.push({ where: ['a.country = @country'], params: { country: q.country.toUpperCase() } });
  const sql = `SELECT a.id, a.kind, a.name_ar, a.name_en, a.country,
      count(DISTINCT e.cluster_id) AS events, count(DISTINCT e.doc_id) AS documents
    FROM participants p JOIN events e ON e.id = p.event_id JOIN actors a ON a.id = p.actor_id
    ${whereOf(filters)}
    GROUP BY a.id ORDER BY events DESC, documents DESC, a.id LIMIT @limit`;
  return { sql, params: { ...paramsOf(filters), limit: q.limit ?? DEFAULT_ACTORS } };
}

/** The roles articles gave an actor, the most frequent first. */
export const ROLES_SQL = 'SELECT role FROM entities WHERE actor_id = @id AND role IS NOT NULL GROUP BY role ORDER BY count(*) DESC, role';

export const actorStats = ({ id: _, ...r }: ActorRow, roles: string[]): ActorStats => ({ ...r, roles });

/** Events between two countries per period and type. */
export function dyadQuery(a: string, b: string, by: 'month' | 'year', range: DateRange = {}): Query {
  const filters = [participantFilter({ country: a, with: b }), dayFilter(range), { where: ["c.day <> ''"], params: {} }];
  const sql = `SELECT substr(c.day, 1, ${PERIOD_LENGTH[by]}) AS period, c.type, count(*) AS count FROM clusters c
    ${whereOf(filters)} GROUP BY period, c.type ORDER BY period, c.type`;
  return { sql, params: paramsOf(filters) };
}

/** CAMEO quad classes 1 and 2 are cooperation, 3 and 4 conflict (data/lexicon/cameo.tsv). */
const quadOf = (type: DyadBucket['type']) => cameoOf({ type, mode: null, status: null })?.quad ?? null;

export function dyadBuckets(rows: { period: string; type: DyadBucket['type']; count: number }[]): DyadBucket[] {
  return rows.map((r) => {
    const quad = quadOf(r.type);
    return { ...r, cooperative: quad && quad <= 2 ? r.count : 0, conflictual: quad && quad >= 3 ? r.count : 0 };
  });
}
