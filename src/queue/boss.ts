// The ingest queue: pg-boss (a job queue kept in PostgreSQL tables, in the database Marsad
// stores articles in) with one queue of extraction jobs. Its policy is set when the queue is
// first created: a failed job is retried with growing delays, and a job whose worker died
// (still active past its expiry) is failed by pg-boss's maintenance and so retried as well.
import PgBoss from 'pg-boss';
import { LOCKS } from '../store/postgres/sql.ts';

export const QUEUE = 'marsad-ingest';

/** How jobs are retried and expired; `enqueue` may set them per job (the tests shorten them). */
export interface JobPolicy {
  /** attempts after the first */
  retryLimit?: number;
  /** seconds before the first retry, doubling (with jitter) at each further one */
  retryDelay?: number;
  /** seconds a worker may hold a job before it counts as dead */
  expireInSeconds?: number;
}

export const DEFAULT_POLICY: Required<JobPolicy> = { retryLimit: 3, retryDelay: 30, expireInSeconds: 300 };

export interface BossOptions {
  /** how often this process looks for expired jobs (pg-boss maintenance), in seconds */
  maintenanceSeconds?: number;
}

/** Connected to the queue, with its tables and the queue created if need be. */
export async function startBoss(url: string, { maintenanceSeconds }: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url, application_name: 'marsad-queue', max: 2, schedule: false,
    // Only workers look after expired jobs: a command that enqueues or reports does not linger.
    supervise: maintenanceSeconds !== undefined, ...(maintenanceSeconds ? { maintenanceIntervalSeconds: maintenanceSeconds } : {}),
  });
  // Errors of the background maintenance: the next round tries again, and job errors are
  // reported by the worker itself.
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue(QUEUE, { name: QUEUE, ...DEFAULT_POLICY, retryBackoff: true });
  await addFifoIndex(boss);
  return boss;
}

/** Options of every `fetch`: jobs in the order they were queued. Marsad gives jobs no
 *  priority, and without it the FIFO index below serves the fetch. */
export const FETCH_ORDER = { priority: false } as const;

/**
 * pg-boss finds due jobs through an index on their start time, then sorts all of them to take
 * the oldest: each fetch reads the whole backlog (15 ms per fetch with 6,000 jobs queued, 0.5 ms
 * with this index, which hands them over in order and stops at the batch). Created once, by
 * whichever process gets the lock first; on pg-boss's parent table, so every queue's partition
 * has it.
 */
async function addFifoIndex(boss: PgBoss): Promise<void> {
  // One query without parameters, so sent as a simple query: its statements run in one
  // transaction, which the lock spans.
  await boss.getDb().executeSql(`SELECT pg_advisory_xact_lock(${LOCKS.queueIndex});
    CREATE INDEX IF NOT EXISTS marsad_job_fifo ON pgboss.job (name, created_on, id) WHERE state < 'active'`, []);
}
