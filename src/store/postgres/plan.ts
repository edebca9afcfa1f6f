// Which articles of a batch are new, updated or unchanged, decided as the SQLite backend
// decides it (../placement.ts), article after article, against the stored rows the batch can
// touch and the rows it writes itself, so that PostgreSQL can then write the whole batch set
// by set. Articles of the batch are locked first, so no other transaction writes them meanwhile.
import { placement, type DocLookup, type StoredRef } from '../placement.ts';
import type { IngestDoc, UpsertResult } from '../types.ts';

/** A stored article, or one this batch creates (`id` then set once ids are allocated). */
export interface DocRowRef extends StoredRef { url: string | null; hash: string; created: boolean }

/** An article with what it takes CPU time to derive, worked out before the transaction so that
 *  no lock is held meanwhile. */
export interface PreparedDoc { item: IngestDoc; digest: string; titleKeys: string; bodyKeys: string }

export interface DocWrite extends PreparedDoc { row: DocRowRef }

export interface BatchPlan {
  /** the row each article of the batch ended in, and its status */
  outcomes: { row: DocRowRef; status: UpsertResult['status']; events: number }[];
  /** what to write: each row's last version, in the order those versions came */
  writes: DocWrite[];
  /** every version written, superseded ones too: their actors are stored, as in SQLite */
  versions: DocWrite[];
  /** rows the batch creates, in order */
  created: DocRowRef[];
}

/** Lookups in stored order: stored rows by id, then the batch's new rows, as SQLite's indexes
 *  find the oldest row first. */
class BatchRows implements DocLookup<DocRowRef> {
  constructor(private readonly rows: DocRowRef[]) {}
  byKey(key: string) { return this.rows.find((r) => r.key === key); }
  byUrl(url: string) { return this.rows.find((r) => r.url === url); }
  byHash(hash: string) { return this.rows.find((r) => r.hash === hash); }
  add(row: DocRowRef) { this.rows.push(row); }
}

/** `stored`: every stored row whose key, URL or hash is one of the batch's, by id. */
export function planBatch(batch: PreparedDoc[], stored: DocRowRef[]): BatchPlan {
  const rows = new BatchRows(stored);
  const plan: BatchPlan = { outcomes: [], writes: [], versions: [], created: [] };
  for (const prepared of batch) {
    const { item, digest } = prepared;
    const placed = placement(item, digest, rows);
    if (placed.status === 'unchanged') {
      plan.outcomes.push({ row: placed.stored, status: 'unchanged', events: 0 });
      continue;
    }
    let row: DocRowRef;
    if (placed.status === 'updated') {
      row = placed.stored;
      Object.assign(row, { url: item.url ?? row.url, hash: item.hash, digest });
    } else {
      row = { id: 0, key: item.doc.id, url: item.url, hash: item.hash, digest, created: true };
      rows.add(row);
      plan.created.push(row);
    }
    plan.versions.push({ ...prepared, row });
    plan.outcomes.push({ row, status: placed.status, events: item.doc.events.length });
  }
  const last = new Map(plan.versions.map((w) => [w.row, w]));
  plan.writes = plan.versions.filter((w) => last.get(w.row) === w);
  return plan;
}

export const resultsOf = (plan: BatchPlan): UpsertResult[] =>
  plan.outcomes.map(({ row, status, events }) => ({ key: row.key, id: row.id, status, events }));
