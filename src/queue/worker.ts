// One worker: takes batches of jobs from the queue, stores their articles and reclusters, until
// stopped (or, with `untilEmpty`, until no job is left to take). `marsad worker` runs one on
// the main thread, or one per thread with --concurrency.
import { setTimeout as sleep } from 'node:timers/promises';
import { noCounts, type IngestCounts } from '../cli/ingest-progress.ts';
import { Fetcher } from '../ingest/fetch.ts';
import { reasonOf } from '../ingest/items.ts';
import { loadKb } from '../kb/load.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/types.ts';
import { runBatch } from './batch.ts';
import { FETCH_ORDER, QUEUE, startBoss } from './boss.ts';

export interface WorkerOptions {
  db: string;
  /** jobs per transaction */
  batch: number;
  /** how often to look for jobs whose worker died, in seconds */
  maintenanceSeconds: number;
  untilEmpty: boolean;
  /** once aborted, no further batch is taken; the one in progress is finished */
  signal: AbortSignal;
  /** each batch's counts, once its articles are stored */
  onBatch(counts: IngestCounts): void;
  log(line: string): void;
}

/** How long an idle worker waits before asking the queue again. */
const POLL_MS = 1000;
/** The longest wait between two attempts while the database fails. */
const MAX_PAUSE_MS = 30_000;
/** How often a busy worker clusters what it stored. */
const RECLUSTER_MS = 10_000;
/** Pages a worker fetches at once (the fetcher still limits each host). */
const PAGE_CONCURRENCY = 8;

export async function runWorker(options: WorkerOptions): Promise<void> {
  const { signal } = options;
  const store = await openStore(options.db);
  try {
    const boss = await startBoss(options.db, { maintenanceSeconds: options.maintenanceSeconds });
    try {
      const context = { boss, store, kb: loadKb(), fetcher: new Fetcher({ signal }), concurrency: PAGE_CONCURRENCY, log: options.log };
      const clusters = reclusterer(store);
      let pause = 0;
      while (!signal.aborted) {
        try {
          const jobs = await boss.fetch(QUEUE, { batchSize: options.batch, ...FETCH_ORDER });
          if (jobs.length) {
            const counts = await runBatch(jobs, context);
            clusters.changed(counts);
            options.onBatch(counts);
            await clusters.ifDue();
          } else {
            await clusters.now();
            if (options.untilEmpty) break;
          }
          pause = jobs.length ? 0 : POLL_MS;
        } catch (err) {
          // The database gone for a while (a restart, the network): wait longer each time, then
          // go on. Jobs taken meanwhile expire and come back.
          options.log(`marsad: worker: ${reasonOf(err)}`);
          pause = Math.min(MAX_PAUSE_MS, Math.max(POLL_MS, pause * 2));
        }
        if (pause) await sleep(pause, undefined, { signal }).catch(() => {});
      }
      await clusters.now();
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  } finally {
    await store.close();
  }
}

/**
 * Clusters follow what a worker stored: every RECLUSTER_MS while it is busy, when it runs out of
 * jobs, and when it stops. Reclustering takes a lock all workers share, so doing it after every
 * batch would have the workers queue for it, and each round would compare the same growing
 * clusters again.
 */
function reclusterer(store: Store) {
  let changed = false;
  let last = performance.now();
  const now = async () => {
    if (changed) await store.recluster();
    changed = false;
    last = performance.now();
  };
  return {
    changed(counts: IngestCounts) { changed ||= counts.new + counts.updated > 0; },
    now,
    ifDue: () => (performance.now() - last >= RECLUSTER_MS ? now() : Promise.resolve()),
  };
}

export function addCounts(total: IngestCounts, more: IngestCounts): IngestCounts {
  const sum = noCounts();
  for (const key of Object.keys(sum) as (keyof IngestCounts)[]) sum[key] = total[key] + more[key];
  return sum;
}
