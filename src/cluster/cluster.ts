// Cross-document clustering: reports of one real-world event by several articles and outlets
// become one group, as GDELT's mentions table does. Pure and deterministic: the store calls it
// on the events it holds, the evaluation script on a whole corpus.
//
// Two reports can be the same event when they have the same type, compatible participants
// (equal sets, or one contained in the other when both have at least two), compatible dates,
// the same place when both name one, and come from different documents. Groups are built
// greedily with complete linkage (every member compatible with every other), so a chain of
// reports a few days apart never drifts into one long "event"; when a report fits several
// groups, the wording of its evidence picks one.
import { normalizeArabic } from '../kb/normalize.ts';

export interface ClusterEvent {
  id: number;
  type: string;
  /** stable keys: 'c:RUS', 'o:SCO', 'p:<name key>' (see participantKeys) */
  participants: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  date: string | null;
  place: string | null;
  docId: number;
  source: string | null;
  /** the article's publication date, YYYY-MM-DD: stands in for a missing date */
  published: string | null;
  evidence: string;
}

/** Days between two day-precise dates of one event: outlets date a story by its own day. */
export const DAY_WINDOW = 3;
/** Days between publication dates standing in for missing dates: a story runs for a week. */
export const PUBLISHED_WINDOW = 7;
/** The longest span a date can cover (a month), so candidate lists can be searched by day. */
const MAX_SPAN = 31;

const DAY_MS = 86_400_000;
const dayNumber = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);

/** When the event happened, as a span of day numbers, and how sure we are of it. */
interface When { lo: number; hi: number; kind: 'day' | 'month' | 'published' }

function when(e: ClusterEvent): When | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(e.date ?? '');
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (m[3]) { const d = dayNumber(y, mo, Number(m[3])); return { lo: d, hi: d, kind: 'day' }; }
    return { lo: dayNumber(y, mo, 1), hi: dayNumber(y, mo + 1, 1) - 1, kind: 'month' };
  }
  // A bare year cannot tell two meetings apart: the publication date says more.
  const p = /^(\d{4})-(\d{2})-(\d{2})/.exec(e.published ?? '');
  if (!p) return null;
  const d = dayNumber(Number(p[1]), Number(p[2]), Number(p[3]));
  return { lo: d, hi: d, kind: 'published' };
}

/** Month dates must overlap the other date; two days may differ by DAY_WINDOW; a publication
 *  date stand-in by PUBLISHED_WINDOW. */
function windowOf(a: When, b: When): number {
  if (a.kind === 'published' || b.kind === 'published') return PUBLISHED_WINDOW;
  return a.kind === 'day' && b.kind === 'day' ? DAY_WINDOW : 0;
}

function datesCompatible(a: When, b: When): boolean {
  return Math.max(0, a.lo - b.hi, b.lo - a.hi) <= windowOf(a, b);
}

const dateGap = (a: When, b: When): number => Math.abs(a.lo + a.hi - b.lo - b.hi) / 2;

/** Equal sets, or one inside the other when both have two or more participants. */
function participantsCompatible(a: string[], b: string[]): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === large.length) return small.every((k, i) => k === large[i]);
  if (small.length < 2) return false;
  const set = new Set(large);
  return small.every((k) => set.has(k));
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (s: string) => new Set(normalizeArabic(s).match(WORD) ?? []);

function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  const union = a.size + b.size - common;
  return union ? common / union : 0;
}

interface Item { e: ClusterEvent; keys: string[]; when: When; words: Set<string> | null; cluster: number }

const RANK = { day: 0, month: 1, published: 2 } as const;
const placed = (it: Item) => (it.e.place ? 0 : 1);
/** Firmest dates first, then placed reports, so vaguer reports join groups anchored on them
 *  instead of anchoring groups that firmer reports then cannot join; then by time and id. */
const byFirmness = (a: Item, b: Item) =>
  RANK[a.when.kind] - RANK[b.when.kind] || placed(a) - placed(b) || a.when.lo - b.when.lo || a.e.id - b.e.id;

function compatible(a: Item, b: Item): boolean {
  if (a.e.docId === b.e.docId) return false;
  if (a.e.place && b.e.place && a.e.place !== b.e.place) return false;
  return datesCompatible(a.when, b.when) && participantsCompatible(a.keys, b.keys);
}

/** Every pair of keys: a subset's first two keys are one of them. */
function pairsOf(keys: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) out.push(`${keys[i]}\u0001${keys[j]}`);
  return out;
}

/** Events of one type that may share a group with `item`: the same participant set, or (two
 *  or more participants) a set holding its first two keys, i.e. every possible superset;
 *  subsets find `item` the same way from their side. */
function candidateLists(item: Item, byKey: Map<string, Item[]>, byPair: Map<string, Item[]>): Item[][] {
  const lists = [byKey.get(item.keys.join('\u0001')) ?? []];
  if (item.keys.length >= 2) lists.push(byPair.get(`${item.keys[0]}\u0001${item.keys[1]}`) ?? []);
  return lists;
}

/** Index of the first item of a list sorted by start day that starts on or after `day`. */
function firstFrom(list: Item[], day: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].when.lo < day) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/** Groups of event ids, each group one real-world event; every id appears in exactly one group.
 *  Ids ascend within a group, groups by their first id. */
export function clusterEvents(events: ClusterEvent[]): number[][] {
  const byType = new Map<string, Item[]>();
  const groups: number[][] = [];
  for (const e of events) {
    const w = when(e);
    // Undated and unpublished: nothing says two such reports are of the same day.
    if (!w) { groups.push([e.id]); continue; }
    const keys = [...new Set(e.participants)].sort();
    push(byType, e.type, { e, keys, when: w, words: null, cluster: -1 });
  }
  for (const items of byType.values()) groups.push(...clusterType(items));
  for (const g of groups) g.sort((a, b) => a - b);
  return groups.sort((a, b) => a[0] - b[0]);
}

function clusterType(items: Item[]): number[][] {
  const byKey = new Map<string, Item[]>();
  const byPair = new Map<string, Item[]>();
  for (const it of items) {
    push(byKey, it.keys.join('\u0001'), it);
    for (const p of pairsOf(it.keys)) push(byPair, p, it);
  }
  for (const list of [...byKey.values(), ...byPair.values()]) list.sort((a, b) => a.when.lo - b.when.lo);
  // Compatible neighbours, found through the two indexes (only among reports close in time:
  // a busy pair of countries has thousands) and kept symmetric.
  const near = new Map<Item, Set<Item>>(items.map((it) => [it, new Set()]));
  for (const it of items) {
    for (const list of candidateLists(it, byKey, byPair)) {
      const last = it.when.hi + PUBLISHED_WINDOW;
      for (let i = firstFrom(list, it.when.lo - PUBLISHED_WINDOW - MAX_SPAN); i < list.length && list[i].when.lo <= last; i++) {
        const other = list[i];
        if (other !== it && compatible(it, other)) { near.get(it)!.add(other); near.get(other)!.add(it); }
      }
    }
  }
  const clusters: Item[][] = [];
  for (const it of [...items].sort(byFirmness)) {
    const mine = near.get(it)!;
    let best = -1;
    let bestScore: number[] | null = null;
    const seen = new Set<number>();
    for (const other of mine) {
      const c = other.cluster;
      if (c < 0 || seen.has(c)) continue;
      seen.add(c);
      if (!clusters[c].every((m) => mine.has(m))) continue;
      // Closest participants first (so a report naming both leaders joins the group of
      // reports naming both), then the evidence wording, then the nearest date.
      const score = [sameness(it, clusters[c]), similarity(it, clusters[c]), -dateGapTo(it, clusters[c]), -c];
      if (!bestScore || isBetter(score, bestScore)) { best = c; bestScore = score; }
    }
    if (best < 0) { best = clusters.length; clusters.push([]); }
    it.cluster = best;
    clusters[best].push(it);
  }
  return clusters.map((c) => c.map((it) => it.e.id));
}

const isBetter = (a: number[], b: number[]) => {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && a[i] > b[i];
};

const dateGapTo = (it: Item, members: Item[]) => Math.min(...members.map((m) => dateGap(it.when, m.when)));

/** Mean overlap of the participant sets with a group's members. */
function sameness(it: Item, members: Item[]): number {
  let sum = 0;
  for (const m of members) sum += jaccard(new Set(it.keys), new Set(m.keys));
  return sum / members.length;
}

/** Mean word overlap of the evidence with a group's members: only breaks ties between groups. */
function similarity(it: Item, members: Item[]): number {
  it.words ??= words(it.e.evidence);
  let sum = 0;
  for (const m of members) sum += jaccard(it.words, (m.words ??= words(m.e.evidence)));
  return sum / members.length;
}
