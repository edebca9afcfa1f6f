// One batch of jobs: each job's article read (or its page fetched), extracted, and all of them
// stored in one transaction; then the jobs are completed. A job that fails (unreadable data, a
// page that cannot be fetched, an extraction error, an article the database refuses) is failed
// alone with its error, for pg-boss to retry later and finally keep as failed.
//
// Stored before completed: a worker killed between the two leaves jobs that expire and run
// again, and their articles, stored already, come out unchanged. Nothing is lost or doubled.
import type PgBoss from 'pg-boss';
import { noCounts, type IngestCounts } from '../cli/ingest-progress.ts';
import { ingestDocOf } from '../cli/ingest-run.ts';
import type { RawDoc } from '../extract/types.ts';
import { mapConcurrent } from '../ingest/concurrent.ts';
import type { Fetcher } from '../ingest/fetch.ts';
import { reasonOf } from '../ingest/items.ts';
import { pageItem } from '../ingest/page.ts';
import type { Kb } from '../kb/load.ts';
import type { IngestDoc, Store } from '../store/types.ts';
import { QUEUE } from './boss.ts';
import { articleOf, isPageJob, jobName } from './jobs.ts';

export interface BatchContext {
  boss: PgBoss;
  store: Store;
  kb: Kb;
  fetcher: Fetcher;
  /** pages fetched at once */
  concurrency: number;
  /** one line per failed job */
  log(line: string): void;
}

interface Prepared { id: string; doc: IngestDoc }

export async function runBatch(jobs: PgBoss.Job<unknown>[], context: BatchContext): Promise<IngestCounts> {
  const counts = noCounts();
  const failures = new Map<string, string>();
  const fail = (job: PgBoss.Job<unknown>, reason: string) => {
    failures.set(job.id, reason);
    context.log(`marsad: ${jobName(job.data)}: ${reason}`);
  };
  const prepared: Prepared[] = [];
  for await (const { job, raw } of mapConcurrent(jobs, context.concurrency, async (job) => ({ job, raw: await rawDocOf(job.data, context) }))) {
    counts.read++;
    if (typeof raw === 'string') { fail(job, raw); continue; }
    try {
      prepared.push({ id: job.id, doc: ingestDocOf(raw, context.kb) });
    } catch (err) {
      fail(job, `extraction failed: ${reasonOf(err)}`);
    }
  }
  for (const { id, result } of await store(prepared, context.store)) {
    if ('error' in result) { fail(jobs.find((j) => j.id === id)!, result.error); continue; }
    counts[result.status]++;
    if (result.status !== 'unchanged') counts.events += result.events;
  }
  counts.failed = failures.size;
  const done = jobs.filter((j) => !failures.has(j.id)).map((j) => j.id);
  if (done.length) await context.boss.complete(QUEUE, done);
  for (const [id, message] of failures) await context.boss.fail(QUEUE, id, { message });
  return counts;
}

/** The article a job carries or names, or why there is none. */
async function rawDocOf(data: unknown, context: BatchContext): Promise<RawDoc | string> {
  try {
    if (!isPageJob(data)) return articleOf(data);
    const item = await pageItem(data.page, context.fetcher, data.published);
    return 'error' in item ? item.error.reason : item.doc;
  } catch (err) {
    return reasonOf(err);
  }
}

type Stored = { id: string; result: { status: 'new' | 'updated' | 'unchanged'; events: number } | { error: string } };

/** The batch in one transaction; when the database refuses it, each article alone, so that one
 *  article it cannot take fails only its own job. */
async function store(prepared: Prepared[], target: Store): Promise<Stored[]> {
  if (!prepared.length) return [];
  try {
    const results = await target.upsert(prepared.map((p) => p.doc));
    return results.map((result, i) => ({ id: prepared[i].id, result }));
  } catch (err) {
    if (prepared.length === 1) return [{ id: prepared[0].id, result: { error: `not stored: ${reasonOf(err)}` } }];
    const one: Stored[] = [];
    for (const p of prepared) one.push(...(await store([p], target)));
    return one;
  }
}
