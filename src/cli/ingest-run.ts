// The heart of `ingest`, `watch` and `demo`: articles in, extracted, stored in batches.
// Each batch is one transaction, so a run killed at any point leaves whole batches behind
// and the next run, finding those unchanged, completes the work.
import { createHash } from 'node:crypto';
import { extractDoc } from '../extract/pipeline.ts';
import type { RawDoc } from '../extract/types.ts';
import type { Kb } from '../kb/load.ts';
import { reasonOf, type SourceItem } from '../ingest/items.ts';
import type { IngestDoc, Store } from '../store/types.ts';
import { noCounts, type IngestCounts, type IngestProgress } from './ingest-progress.ts';
import { reportError } from './extract.ts';

export interface IngestRun {
  store: Store;
  kb: Kb;
  /** articles per transaction */
  batchSize: number;
  progress: IngestProgress;
  /** once aborted, no further item is taken; the batch in progress is still committed */
  signal?: AbortSignal;
}

/** The store's content hash of an article's cleaned text: the same article elsewhere. */
export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** An article extracted and ready to store (the queue's workers store them the same way). */
export function ingestDocOf(raw: RawDoc, kb: Kb): IngestDoc {
  const doc = extractDoc(raw, kb);
  return { doc, hash: contentHash(doc.text), source: raw.source ?? null, url: raw.url ?? null };
}

export async function ingestItems(items: AsyncIterable<SourceItem>, run: IngestRun): Promise<IngestCounts> {
  const { store, progress } = run;
  const counts = noCounts();
  let batch: IngestDoc[] = [];
  let afterCommit: (() => Promise<void>)[] = [];
  const commit = async (): Promise<void> => {
    for (const result of batch.length ? await store.upsert(batch) : []) {
      counts[result.status]++;
      if (result.status !== 'unchanged') counts.events += result.events;
    }
    for (const task of afterCommit) await task();
    batch = [];
    afterCommit = [];
    progress.update(counts);
  };
  for await (const item of items) {
    if ('afterCommit' in item) {
      afterCommit.push(item.afterCommit);
    } else if ('known' in item) {
      counts.read++;
      counts.unchanged++;
    } else if ('error' in item) {
      counts.failed++;
      reportError(item.error, progress.log);
    } else {
      counts.read++;
      const prepared = prepare(item.doc, run);
      if (prepared) batch.push(prepared);
      else counts.failed++;
    }
    if (batch.length >= run.batchSize) await commit();
    else progress.update(counts);
    if (run.signal?.aborted) break;
  }
  await commit();
  return counts;
}

/** The article ready to store, or null when extraction failed. Articles stored already are
 *  extracted again all the same: the store compares the result, so an improved extractor or
 *  a newly given publication date updates them, and an unchanged article stays unchanged. */
function prepare(raw: RawDoc, run: IngestRun): IngestDoc | null {
  try {
    return ingestDocOf(raw, run.kb);
  } catch (err) {
    // A pipeline bug on one article must not cost the others.
    reportError({ where: raw.id, reason: `extraction failed: ${reasonOf(err)}` }, run.progress.log);
    return null;
  }
}
