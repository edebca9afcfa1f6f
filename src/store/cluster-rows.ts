// What every backend's cluster table shares: which stored events clustering looks at, how a
// stored event becomes clusterEvents' input, and a cluster's summary row from its members.
import { PUBLISHED_WINDOW, type ClusterEvent } from '../cluster/cluster.ts';
import { placeKey } from '../cluster/keys.ts';

/** How far apart in days two reports of one event can be: a month-precise date covers up to
 *  31 days, and a publication date standing in for a missing one may be a week off. */
export const NEAR_DAYS = 31 + PUBLISHED_WINDOW;
/** Beyond this share of pending events, comparing everything is cheaper than finding neighbours. */
export const FULL_REBUILD_SHARE = 0.25;

/** A stored event as clustering reads it; `keys` are its participant keys (cluster_keys). */
export interface ClusterEventRow { id: number; type: string; date: string | null; place_ar: string | null; place_en: string | null; place_country: string | null; doc_id: number; source: string | null; published: string | null; evidence: string; keys: string[] }

export function toClusterEvent(r: ClusterEventRow): ClusterEvent {
  const place = r.place_ar == null ? null : { name_ar: r.place_ar, name_en: r.place_en, country: r.place_country };
  return {
    id: r.id, type: r.type, participants: r.keys, date: r.date, place: placeKey(place),
    docId: r.doc_id, source: r.source, published: r.published, evidence: r.evidence,
  };
}

/** A cluster's member, in the order its reports came out: first published first. */
export interface MemberRow { id: number; cid: number; type: string; mode: string | null; status: string | null; date: string | null; day: string; published: string | null; source: string | null }

export interface ClusterSummary { id: number; type: string; mode: string | null; status: string | null; date: string | null; day: string; first: number; mentions: number; sources: number }

/** The first report gives the summary, the firmest known date the day. */
export function clusterSummary(id: number, members: MemberRow[]): ClusterSummary {
  const first = members[0];
  const dated = members.find((m) => m.date) ?? first;
  return {
    id, type: first.type, mode: first.mode, status: first.status, date: dated.date, day: dated.day, first: first.id,
    mentions: members.length, sources: new Set(members.map((m) => m.source ?? '')).size,
  };
}

/** Members grouped by cluster, keeping their order. */
export function byCluster(members: MemberRow[]): Map<number, MemberRow[]> {
  const groups = new Map<number, MemberRow[]>();
  for (const m of members) {
    const list = groups.get(m.cid);
    if (list) list.push(m); else groups.set(m.cid, [m]);
  }
  return groups;
}
