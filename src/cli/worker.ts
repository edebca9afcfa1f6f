// `marsad worker`: takes extraction jobs from the queue in the PostgreSQL database and stores
// their articles, until stopped (Ctrl-C or SIGTERM: the batch in progress is finished first) or,
// with --until-empty, until no job is left. Any number of workers may run, on any machine that
// reaches the database.
import { addCounts, runWorker, type WorkerOptions } from '../queue/worker.ts';
import { runInThread } from '../queue/threads.ts';
import { ingestProgress, noCounts, summaryLine } from './ingest-progress.ts';
import { queueDatabase } from './queue.ts';
import { stopOnSignals } from './signals.ts';

export interface WorkerCommandOptions {
  db: string;
  concurrency: number;
  batch: number;
  /** milliseconds */
  maintenanceEvery: number;
  untilEmpty?: boolean;
}

export async function runWorkerCommand(options: WorkerCommandOptions): Promise<number> {
  const db = queueDatabase(options.db, 'worker');
  if (!db) return 1;
  const started = performance.now();
  const progress = ingestProgress(process.stderr, { totalBytes: null, command: 'worker' });
  const stop = stopOnSignals(() => progress.log('marsad: stopping after the current batch (again to quit at once)'));
  let total = noCounts();
  const report = {
    signal: stop.signal,
    onBatch: (counts: typeof total) => { total = addCounts(total, counts); progress.update(total); },
    log: progress.log,
  };
  const worker: Omit<WorkerOptions, keyof typeof report> = {
    db, batch: options.batch, maintenanceSeconds: Math.max(1, Math.round(options.maintenanceEvery / 1000)), untilEmpty: options.untilEmpty ?? false,
  };
  let status = 0;
  try {
    if (options.concurrency === 1) await runWorker({ ...worker, ...report });
    else await Promise.all(Array.from({ length: options.concurrency }, () => runInThread(worker, report)));
  } catch (err) {
    progress.log(`marsad: worker: ${err instanceof Error ? err.message : String(err)}`);
    status = 1;
  } finally {
    progress.done();
    stop.dispose();
  }
  process.stdout.write(`${summaryLine(total, (performance.now() - started) / 1000)}\n`);
  return status;
}
