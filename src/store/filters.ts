// WHERE clauses shared by the event queries and the aggregates of every backend: each filter is
// its conditions and the named parameters they use, so a query combines exactly the filters it
// was given. The SQL is what SQLite and PostgreSQL both accept.
import { nameKey } from '../kb/normalize.ts';
import { dayBounds } from './days.ts';
import type { DateRange, EventQuery } from './types.ts';

export interface Filter { where: string[]; params: Record<string, string | number> }

export const whereOf = (filters: Filter[]) => {
  const where = filters.flatMap((f) => f.where);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
};
export const paramsOf = (filters: Filter[]): Filter['params'] => Object.assign({}, ...filters.map((f) => f.params));

const likeWords = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Conditions on a cluster `c` from the participants of its reports: one report must have them
 * all (the dyad's two countries in the same event, not in two unrelated reports).
 */
export function participantFilter(q: Pick<EventQuery, 'actor' | 'country' | 'with'>): Filter {
  const inEvent: string[] = [];
  const params: Filter['params'] = {};
  for (const [name, iso3] of [['country', q.country], ['with', q.with]] as const) {
    if (!iso3) continue;
    inEvent.push(`m.id IN (SELECT event_id FROM participants WHERE iso3 = @${name})`);
    params[name] = iso3.toUpperCase();
  }
  if (q.actor) {
    // Any spelling of the name, as whole words (لافروف finds سيرغي لافروف), or its English name
    // in any case (SQLite's LIKE ignores ASCII case, PostgreSQL's does not: lower() on both).
    inEvent.push(`m.id IN (SELECT event_id FROM participants WHERE actor_id IN (
      SELECT actor_id FROM actor_names WHERE ' ' || name_key || ' ' LIKE @actorAr ESCAPE '\\'
      UNION SELECT id FROM actors WHERE lower(name_en) LIKE lower(@actorEn) ESCAPE '\\'))`);
    params.actorAr = `% ${likeWords(nameKey(q.actor.trim()))} %`;
    params.actorEn = `%${likeWords(q.actor.trim())}%`;
  }
  const where = inEvent.length ? [`c.id IN (SELECT m.cluster_id FROM events m WHERE ${inEvent.join(' AND ')})`] : [];
  return { where, params };
}

/** Conditions on a day column (a cluster's by default); a range leaves out unknown days. */
export function dayFilter(range: DateRange, column = 'c.day'): Filter {
  const { from, to } = dayBounds(range);
  const where = [...(from ? [`${column} >= @from`] : []), ...(to ? [`${column} <= @to AND ${column} <> ''`] : [])];
  return { where, params: { ...(from ? { from } : {}), ...(to ? { to } : {}) } };
}
