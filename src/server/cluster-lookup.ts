// One event cluster by its id. The Store interface lists clusters but has no lookup by id, so
// the cluster is found in the listing narrowed to what any report of it says: the event's
// type (all reports share it) and a participant's country (the listing's country filter
// keeps a cluster when any of its reports has one). What is returned is the listing's own object, exactly
// as GET /api/events shows it. (A `Store.eventCluster(id)` method would replace this file.)
import { iso3Of } from '../store/identity.ts';
import type { EventCluster, EventMention, EventQuery, Store } from '../store/types.ts';

const PAGE = 500;

export async function findCluster(store: Store, id: number, report: EventMention): Promise<EventCluster | null> {
  const doc = await store.document(report.docId);
  // Events of one article may share a sentence (a call and the agreement reached in it), so
  // every event told at the report's evidence is a candidate.
  const candidates = (doc?.events ?? []).filter((e) => e.evidence.start === report.start && e.evidence.end === report.end);
  for (const event of candidates) {
    const country = [...event.actors, ...event.recipients].map(iso3Of).find((code) => code !== null);
    const found = await findInListing(store, id, { type: event.type, ...(country ? { country } : {}) });
    if (found) return found;
  }
  return null;
}

async function findInListing(store: Store, id: number, filters: EventQuery): Promise<EventCluster | null> {
  let after: string | undefined;
  do {
    const page = await store.events({ ...filters, limit: PAGE, after });
    const found = page.clusters.find((c) => c.id === id);
    if (found) return found;
    after = page.next ?? undefined;
  } while (after);
  return null;
}
