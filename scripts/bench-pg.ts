// npm run bench:pg [-- FILE.jsonl.gz …] [--limit N] [--warm-up N] [--rounds N]: ingest throughput
// into PostgreSQL through the queue, with one worker process and with two, and the scaling
// between them (issue 5: at least 1.5 times on 2 cores).
//
// What is measured is a worker that has been running a while, as it does in service: each run
// starts the workers on a fresh database and a first batch of articles (--warm-up, 5,000 by
// default), during which they load the knowledge base, compile, and fill the word caches of
// search keys, each its own (a worker process that has seen half the articles has met fewer of
// the words). The slice (--limit, 10,000) is then queued to become due a few seconds later, and
// timed from a second after it is due (an idle worker asks for jobs every second) until every
// job is done and every event clustered. Each setting runs --rounds times (3), in turns, and keeps
// its best rate, so that a burst of other work on the machine does not decide the result.
//
// Beside the rates it prints CPU time per article of the workers and of the PostgreSQL server
// (when the server runs here), and two ceilings: how much more two processes spinning in a loop
// get through than one (what the virtual machine's cores allow at the moment), and how much more
// two processes extracting the same articles without any database get through than one (a
// single Node process already keeps part of a second core busy with its garbage collector and
// decompression threads, so this is what the workers could reach at best).
//
// The server is $MARSAD_BENCH_PG (a postgres:// URL of a role that may create databases), else
// a throwaway cluster with PostgreSQL's default durability settings.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IngestItem } from '../src/ingest/items.ts';
import { readInputs } from '../src/ingest/read.ts';
import { QUEUE, startBoss } from '../src/queue/boss.ts';
import { enqueue } from '../src/queue/enqueue.ts';
import { openStore } from '../src/store/open.ts';
import { createDatabase, startCluster, stopCluster } from '../test/support/postgres.ts';
import { corpusArgs } from './corpus-args.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'marsad.js');
const BENCH_EXTRACT = join(root, 'scripts', 'bench.ts');
const execFileAsync = promisify(execFile);
const { files, numbers } = corpusArgs('bench:pg', ['--warm-up', '--rounds']);
/** Articles timed in each run. */
const limit = numbers.get('--limit') ?? 10_000;
/** Articles each run stores before the timed part. */
const WARM_UP = numbers.get('--warm-up') ?? 5000;
/** Each setting runs this many times, in turns; its best rate counts. */
const ROUNDS = numbers.get('--rounds') ?? 3;

/** The first readable articles of the files, warm-up and slice, read once and queued for every run. */
async function* slice(): AsyncGenerator<IngestItem> {
  let n = 0;
  for await (const item of readInputs(files)) {
    if (!('doc' in item)) continue;
    yield item;
    if (++n >= WARM_UP + limit) return;
  }
}
const items: IngestItem[] = [];
for await (const item of slice()) items.push(item);

interface Run { name: string; processes: number; threads: number }
/** Articles stored per second once every worker is busy, from `documents` stored in `seconds`;
 *  CPU seconds per article of the slice, when the server runs on this machine. */
interface Result { rate: number; seconds: number; documents: number; failed: number; cpu: { workers: number; server: number } | null }

const TICKS_PER_SECOND = 100;
/** Fields of /proc/PID/stat after the command name: [state, ppid, …]; null once it is gone. */
function procStat(pid: number | string): string[] | null {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return line.slice(line.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
/** CPU seconds a process has used, with those of its children it has waited for. */
function cpuOf(pid: number | string, { children = false } = {}): number {
  const f = procStat(pid);
  if (!f) return 0;
  const own = Number(f[11]) + Number(f[12]);
  return (children ? own + Number(f[13]) + Number(f[14]) : own) / TICKS_PER_SECOND;
}
/** CPU seconds the PostgreSQL server of a data directory has used: its postmaster, the backends
 *  that have ended, and those still running. Null when the server is not on this machine. */
function serverCpu(dataDir: string | null): number | null {
  if (!dataDir || !existsSync('/proc/self/stat')) return null;
  const postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
  let total = cpuOf(postmaster, { children: true });
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    if (procStat(pid)?.[1] === postmaster) total += cpuOf(pid);
  }
  return total;
}

/** Articles per second `count` processes extract together from the same articles, without a
 *  database (each runs `npm run bench -- --extract-only`): the most the workers could do. */
async function extracting(count: number): Promise<number> {
  const run = () => execFileAsync(process.execPath, ['--import', 'tsx', BENCH_EXTRACT, ...files, '--extract-only', '--limit', String(items.length)], { cwd: root });
  const outputs = await Promise.all(Array.from({ length: count }, run));
  return outputs.reduce((sum, { stdout }) => sum + Number(/^extract .*: (\d+) articles\/s/m.exec(stdout)?.[1]), 0);
}

/** Seconds `count` processes take together to each spin through the same loop. */
async function spin(count: number): Promise<number> {
  const started = performance.now();
  const loop = 'let x = 0; for (let i = 0; i < 4e8; i++) x += i % 7; if (x < 0) console.log(x);';
  await Promise.all(Array.from({ length: count }, () => once(spawn(process.execPath, ['-e', loop], { stdio: 'ignore' }), 'exit')));
  return (performance.now() - started) / 1000;
}

/** After the slice is queued, when its jobs become due: longer than queueing it takes. */
const DUE_AFTER_MS = 4000;
/** An idle worker asks for jobs every second: after that, every worker is busy. */
const ALL_BUSY_MS = 1200;

/** Queues the warm-up into a fresh database for the workers to start on, then the slice, and
 *  measures how fast the workers get through it once they are all busy. */
async function measure(server: string, dataDir: string | null, run: Run): Promise<Result> {
  const db = await createDatabase('marsad_bench', server);
  try {
    await (await openStore(db.url)).close();
    const boss = await startBoss(db.url);
    const sql = async (text: string, values: unknown[] = []) => (await boss.getDb().executeSql(text, values)).rows;
    // Light queries a few times a second: the server's CPU is part of what is measured.
    const finished = async () => (await sql(`SELECT (SELECT count(*) FROM pgboss.job WHERE name = '${QUEUE}' AND state >= 'completed')::int AS jobs,
      EXISTS (SELECT 1 FROM events WHERE pending) AS unclustered`))[0] as { jobs: number; unclustered: boolean };
    /** Once `count` jobs are done and the workers have clustered what they stored: the time. */
    const done = async (count: number) => {
      for (let f = await finished(); f.jobs < count || f.unclustered; f = await finished()) await sleep(100);
      return Date.now();
    };
    const queue = (from: number, to: number, startAfter?: Date) => enqueue(boss, (async function* () { yield* items.slice(from, to); })(), [], { published: null, startAfter });
    try {
      const workers = Array.from({ length: run.processes }, () => spawn(process.execPath,
        [BIN, 'worker', '--db', db.url, '--concurrency', String(run.threads)], { stdio: 'ignore' }));
      const exited = Promise.all(workers.map((w) => once(w, 'exit')));
      await queue(0, WARM_UP);
      await done(WARM_UP);
      const due = new Date(Date.now() + DUE_AFTER_MS);
      await queue(WARM_UP, items.length, due);
      if (Date.now() > due.getTime()) console.warn(`queueing the slice took longer than ${DUE_AFTER_MS / 1000} s: the workers began meanwhile`);
      // What a database that has been running a while would have: statistics of its tables.
      await sql('ANALYZE');
      await sleep(Math.max(0, due.getTime() - Date.now()));
      const cpuAt = () => ({ workers: workers.reduce((sum, w) => sum + cpuOf(w.pid!), 0), server: serverCpu(dataDir) });
      const cpuBefore = cpuAt();
      const ended = await done(items.length);
      const cpuAfter = cpuAt();
      const cpu = cpuBefore.server === null ? null : { workers: cpuAfter.workers - cpuBefore.workers, server: cpuAfter.server! - cpuBefore.server };
      for (const w of workers) w.kill('SIGTERM');
      await exited;
      const [{ seconds, documents, failed }] = await sql(`WITH slice AS (SELECT * FROM pgboss.job WHERE name = '${QUEUE}' AND start_after >= $1),
          busy AS (SELECT $1::timestamptz + make_interval(secs => $2) AS since, $3::timestamptz AS until)
        SELECT extract(epoch FROM until - since)::float AS seconds,
          count(*) FILTER (WHERE state = 'completed' AND completed_on > since)::int AS documents,
          count(*) FILTER (WHERE state = 'failed')::int AS failed
        FROM slice, busy GROUP BY since, until`, [due, ALL_BUSY_MS / 1000, new Date(ended)]);
      return { rate: documents / seconds, seconds, documents, failed, cpu: cpu && { workers: cpu.workers / (items.length - WARM_UP), server: cpu.server / (items.length - WARM_UP) } };
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  } finally {
    await db.drop();
  }
}

const own = process.env.MARSAD_BENCH_PG ? null : await startCluster({ fast: false });
const server = own?.url ?? process.env.MARSAD_BENCH_PG!;
try {
  console.log(`queue    ${items.length - WARM_UP} articles after ${WARM_UP} to warm up, ${cpus().length} cores, PostgreSQL ${own ? 'throwaway cluster' : 'at $MARSAD_BENCH_PG'}`);
  const runs: Run[] = [
    { name: '1 worker process', processes: 1, threads: 1 },
    { name: '2 worker processes', processes: 2, threads: 1 },
    { name: '1 process, 2 threads', processes: 1, threads: 2 },
  ];
  const ceiling = async () => (2 * (await spin(1))) / (await spin(2));
  const before = await ceiling();
  const extractScaling = (await extracting(2)) / (await extracting(1));
  const best = new Map<Run, Result>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const run of runs) {
      const r = await measure(server, own ? join(own.dir, 'data') : null, run);
      console.log(`round ${round + 1}  ${run.name.padEnd(21)} ${r.rate.toFixed(0)} articles/s`);
      if (!best.has(run) || r.rate > best.get(run)!.rate) best.set(run, r);
    }
  }
  const after = await ceiling();
  console.log(`machine  two busy processes get through ${before.toFixed(2)}x the work of one before the runs, ${after.toFixed(2)}x after (2.00 with two free cores)`);
  console.log(`         two processes extracting these articles, without a database, get through ${extractScaling.toFixed(2)}x what one does`);
  const rates = runs.map((run) => {
    const r = best.get(run)!;
    const ms = (seconds: number) => `${(1000 * seconds).toFixed(2)} ms`;
    const cpu = r.cpu ? `; CPU per article: workers ${ms(r.cpu.workers)}, PostgreSQL ${ms(r.cpu.server)}` : '';
    console.log(`${run.name.padEnd(21)} ${r.documents} articles in ${r.seconds.toFixed(1)} s: ${r.rate.toFixed(0)} articles/s${r.failed ? ` (${r.failed} jobs failed)` : ''}${cpu}`);
    return r.rate;
  });
  console.log(`scaling  2 processes ${(rates[1] / rates[0]).toFixed(2)}x one (target 1.5x on 2 cores; extraction alone ${extractScaling.toFixed(2)}x, a spin loop ${before.toFixed(2)}x to ${after.toFixed(2)}x); 2 threads ${(rates[2] / rates[0]).toFixed(2)}x`);
} finally {
  if (own) stopCluster(own.dir);
}
