// What `marsad queue status` shows: the queue's jobs by state, the archived ones included (pg-boss
// moves finished jobs to its archive table after a while), and the latest failures with their
// errors. pg-boss has no call for counts by state, so its tables are read directly.
import type PgBoss from 'pg-boss';
import { QUEUE } from './boss.ts';
import { jobName } from './jobs.ts';

export const STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof STATES)[number];

export interface QueueStatus {
  counts: Record<JobState, number>;
  failures: { id: string; job: string; error: string; at: Date; attempts: number }[];
}

export async function queueStatus(db: PgBoss.Db, failures = 10): Promise<QueueStatus> {
  const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<JobState, number>;
  const { rows } = await db.executeSql(`SELECT state::text AS state, count(*)::integer AS n FROM (
      SELECT state FROM pgboss.job WHERE name = $1 UNION ALL SELECT state FROM pgboss.archive WHERE name = $1) AS jobs
    GROUP BY state`, [QUEUE]);
  for (const r of rows as { state: JobState; n: number }[]) counts[r.state] = r.n;
  const failed = await db.executeSql(`SELECT id, data, output, completed_on, retry_count FROM (
      SELECT id, data, output, completed_on, retry_count, state FROM pgboss.job WHERE name = $1
      UNION ALL SELECT id, data, output, completed_on, retry_count, state FROM pgboss.archive WHERE name = $1) AS jobs
    WHERE state = 'failed' ORDER BY completed_on DESC LIMIT $2`, [QUEUE, failures]);
  return {
    counts,
    failures: failed.rows.map((r) => ({ id: r.id, job: jobName(r.data), error: errorOf(r.output), at: r.completed_on, attempts: r.retry_count + 1 })),
  };
}

/** The message the worker failed the job with, or pg-boss's own (a job expired). */
function errorOf(output: unknown): string {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null;
  return String(o?.message ?? o?.value?.message ?? JSON.stringify(output));
}
