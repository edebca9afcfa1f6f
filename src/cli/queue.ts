// The queue's commands: `marsad worker` and `marsad queue status`, and what `marsad ingest
// --queue` does instead of extracting. Their work is loaded on use, so the rest of the command
// line never loads pg-boss.
import { Option, type Command } from 'commander';
import type { SourceItem } from '../ingest/items.ts';
import { dbTarget, isDatabaseUrl, targetName } from '../store/open.ts';
import type { IngestOptions } from './ingest.ts';
import type { WorkerCommandOptions } from './worker.ts';

export interface QueueCommandsContext {
  dbOption(): Option;
  positiveInteger(value: string): number;
  duration(value: string): number;
  setStatus(status: number): void;
}

export function addQueueCommands(program: Command, { dbOption, positiveInteger, duration, setStatus }: QueueCommandsContext): void {
  program
    .command('worker')
    .description('Take extraction jobs queued by ingest --queue from the PostgreSQL database and store their articles, until stopped (Ctrl-C or SIGTERM)')
    .addOption(dbOption())
    .option('--concurrency <n>', 'jobs extracted at once, one thread (and core) each', positiveInteger, 1)
    .option('--batch <n>', 'jobs per transaction', positiveInteger, 50)
    .addOption(new Option('--maintenance-every <duration>', 'how often to look for jobs whose worker died, which then run again: 30s, 5m').argParser(duration).default(30_000, '30s'))
    .option('--until-empty', 'stop once no job is left to take (for batch runs)')
    .action(async (options: WorkerCommandOptions) => {
      const { runWorkerCommand } = await import('./worker.ts');
      setStatus(await runWorkerCommand(options));
    });
  const queue = program.command('queue').description('The extraction queue in the PostgreSQL database');
  queue
    .command('status')
    .description('Jobs by state, and the latest failed jobs with their errors')
    .addOption(dbOption())
    .option('--failures <n>', 'failed jobs to list', positiveInteger, 10)
    .action(async (options: { db: string; failures: number }) => setStatus(await runQueueStatus(options)));
}

/** The database URL, or null after saying why a queue command needs one. */
export function queueDatabase(db: string, command: string): string | null {
  const target = dbTarget(db);
  if (isDatabaseUrl(target)) return target;
  process.stderr.write(`marsad: ${command}: the queue lives in a PostgreSQL database: give --db postgres://… or set MARSAD_DATABASE_URL\n`);
  return null;
}

async function runQueueStatus(options: { db: string; failures: number }): Promise<number> {
  const url = queueDatabase(options.db, 'queue status');
  if (!url) return 1;
  const [{ startBoss }, { queueStatus, STATES }] = await Promise.all([import('../queue/boss.ts'), import('../queue/status.ts')]);
  try {
    const boss = await startBoss(url);
    try {
      const status = await queueStatus(boss.getDb(), options.failures);
      const lines = [`queue ${targetName(url)}`, STATES.map((s) => `${s} ${status.counts[s]}`).join('  ')];
      if (status.failures.length) lines.push('latest failures:');
      for (const f of status.failures) lines.push(`  ${f.at.toISOString()}  ${f.job}  (${f.attempts} attempts): ${f.error}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    return 0;
  } catch (err) {
    process.stderr.write(`marsad: queue status: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

/** `ingest --queue`: the inputs become jobs; article URLs are left for the workers to fetch. */
export async function runEnqueue(inputs: string[], options: IngestOptions): Promise<number> {
  const url = queueDatabase(options.db, 'ingest --queue');
  if (!url) return 1;
  const started = performance.now();
  const [{ startBoss }, { enqueue, enqueueSummary }, { isWebUrl, sourceItems }, { openOrReport, feedContext, INTERRUPTED }, { stopOnSignals }] = await Promise.all([
    import('../queue/boss.ts'), import('../queue/enqueue.ts'), import('../ingest/sources.ts'), import('./ingest.ts'), import('./signals.ts'),
  ]);
  // Opened for its schema (workers find it ready) and for feeds, which skip stored URLs.
  const store = await openOrReport(url);
  if (!store) return 1;
  const stop = stopOnSignals(() => process.stderr.write('marsad: stopping; the jobs queued so far stay queued\n'));
  try {
    const boss = await startBoss(url);
    try {
      const items: AsyncIterable<SourceItem> = sourceItems(inputs.filter((i) => !isWebUrl(i)), options.feed, await feedContext(store, options, stop.signal));
      const counts = await enqueue(boss, items, inputs.filter(isWebUrl), { published: options.published ?? null, signal: stop.signal });
      process.stdout.write(`${enqueueSummary(counts, (performance.now() - started) / 1000)}\n`);
      if (stop.signal.aborted) return INTERRUPTED;
      return counts.failed ? 1 : 0;
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  } catch (err) {
    process.stderr.write(`marsad: ingest --queue: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    stop.dispose();
    await store.close();
  }
}
