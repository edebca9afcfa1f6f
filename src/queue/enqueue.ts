// `marsad ingest --queue`: what ingest would read becomes jobs for the workers. Articles read
// here (files, standard input, feed items) travel whole in their job, so a worker on another
// machine needs nothing but the database; article URLs are fetched by the worker.
import type PgBoss from 'pg-boss';
import { reportError } from '../cli/extract.ts';
import type { SourceItem } from '../ingest/items.ts';
import { QUEUE, type JobPolicy } from './boss.ts';
import type { JobData } from './jobs.ts';

export interface EnqueueCounts { articles: number; pages: number; known: number; failed: number }

/** Jobs sent to the database at once. */
const INSERT_BATCH = 500;

export interface EnqueueOptions {
  /** for pages that state no date */
  published: string | null;
  /** retries and expiry, when not the queue's */
  policy?: JobPolicy;
  /** when the jobs become due; at once by default */
  startAfter?: Date;
  /** once aborted, nothing more is read; what was read is queued */
  signal?: AbortSignal;
}

export async function enqueue(boss: PgBoss, items: AsyncIterable<SourceItem>, pages: string[], options: EnqueueOptions): Promise<EnqueueCounts> {
  const counts: EnqueueCounts = { articles: 0, pages: 0, known: 0, failed: 0 };
  let pending: PgBoss.JobInsert<JobData>[] = [];
  const flush = async () => {
    if (pending.length) await boss.insert(pending);
    pending = [];
  };
  const add = async (data: JobData) => {
    pending.push({ name: QUEUE, data, ...options.policy, ...(options.startAfter ? { startAfter: options.startAfter } : {}) });
    if (pending.length >= INSERT_BATCH) await flush();
  };
  for (const page of pages) {
    await add({ page, published: options.published });
    counts.pages++;
  }
  for await (const item of items) {
    if ('afterCommit' in item) {
      // A feed's state is saved once its items are queued, as ingest saves it once they are stored.
      await flush();
      await item.afterCommit();
    } else if ('known' in item) {
      counts.known++;
    } else if ('error' in item) {
      counts.failed++;
      reportError(item.error);
    } else {
      await add({ article: item.doc });
      counts.articles++;
    }
    if (options.signal?.aborted) break;
  }
  await flush();
  return counts;
}

export const enqueueSummary = (c: EnqueueCounts, seconds: number) =>
  `${c.articles + c.pages} jobs queued (${c.articles} articles, ${c.pages} pages to fetch), ${c.known} known, ${c.failed} failed, ${seconds.toFixed(1)} s`;
