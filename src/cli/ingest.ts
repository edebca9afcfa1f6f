// `marsad ingest`: files, standard input, article URLs and feeds into the database, with
// progress while it runs and one summary line at the end.
import { loadKb } from '../kb/load.ts';
import { FetchState } from '../ingest/fetch-state.ts';
import { Fetcher } from '../ingest/fetch.ts';
import type { FeedContext } from '../ingest/feed.ts';
import { reasonOf } from '../ingest/items.ts';
import { inputBytes } from '../ingest/read.ts';
import { isWebUrl, sourceItems } from '../ingest/sources.ts';
import { besideDatabase, openStore, targetName } from '../store/open.ts';
import type { Store } from '../store/types.ts';
import { reportError } from './extract.ts';
import { ingestProgress, summaryLine, type IngestCounts } from './ingest-progress.ts';
import { ingestItems } from './ingest-run.ts';
import { stopOnSignals } from './signals.ts';

export interface IngestOptions {
  /** feed URLs */
  feed: string[];
  db: string;
  published?: string;
  /** articles per transaction */
  batch: number;
  /** queue the articles for workers (marsad worker) instead of extracting them here */
  queue?: boolean;
}

/** Pages fetched at once across all hosts; the fetcher still limits each host. */
const PAGE_CONCURRENCY = 8;

export const INTERRUPTED = 130;

/** Resolves to the exit status: 1 when anything failed, 130 when stopped by a signal. */
export async function runIngest(inputs: string[], options: IngestOptions): Promise<number> {
  if (options.queue) return (await import('./queue.ts')).runEnqueue(inputs, options);
  const store = await openOrReport(options.db);
  if (!store) return 1;
  const started = performance.now();
  const web = options.feed.length > 0 || inputs.some(isWebUrl);
  const progress = ingestProgress(process.stderr, { totalBytes: web ? null : await inputBytes(inputs) });
  const stop = stopOnSignals(() => progress.log('marsad: stopping after the current batch (again to quit at once)'));
  let counts: IngestCounts;
  try {
    const context = await feedContext(store, options, stop.signal);
    const items = sourceItems(inputs, options.feed, context, progress.addBytes);
    counts = await ingestItems(items, { store, kb: loadKb(), batchSize: options.batch, progress, signal: stop.signal });
    // Incremental, so cheap; also run when nothing changed, to finish the clustering of a
    // killed run whose batches were all committed.
    await store.recluster();
  } finally {
    progress.done();
    stop.dispose();
    await store.close();
  }
  process.stdout.write(`${summaryLine(counts, (performance.now() - started) / 1000)}\n`);
  if (stop.signal.aborted) return INTERRUPTED;
  return counts.failed ? 1 : 0;
}

/** What feeds need: conditional GET state kept next to the database, and the store's memory
 *  of URLs already ingested. */
export async function feedContext(store: Store, options: Pick<IngestOptions, 'db' | 'published'>, signal: AbortSignal): Promise<FeedContext> {
  return {
    fetcher: new Fetcher({ signal }),
    state: await FetchState.load(besideDatabase(options.db, '.fetch-state.json')),
    known: (url) => store.known({ url }),
    published: options.published ?? null,
    concurrency: PAGE_CONCURRENCY,
  };
}

export async function openOrReport(db: string): Promise<Store | null> {
  try {
    return await openStore(db);
  } catch (err) {
    reportError({ where: targetName(db), reason: reasonOf(err) });
    return null;
  }
}
