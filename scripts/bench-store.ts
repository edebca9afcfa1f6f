// The store part of `npm run bench`: ingests the articles end to end (read → extract → upsert
// in batches, as `marsad ingest` does) into a fresh SQLite database in a temporary directory,
// then times the fixed search queries of data/bench/search-queries.tsv and a set of event
// queries on it. Targets (issue 3): ≥ 400 articles/s, search median < 20 ms and p95 < 50 ms.
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestItems } from '../src/cli/ingest-run.ts';
import type { IngestProgress } from '../src/cli/ingest-progress.ts';
import { loadKb } from '../src/kb/load.ts';
import { readTsv } from '../src/kb/tsv.ts';
import type { SourceItem } from '../src/ingest/items.ts';
import { readInputs } from '../src/ingest/read.ts';
import { openStore } from '../src/store/open.ts';
import type { EventQuery, Store } from '../src/store/types.ts';

const QUERIES = fileURLToPath(new URL('../data/bench/search-queries.tsv', import.meta.url));
/** As `marsad ingest` commits by default. */
const BATCH = 200;
const RUNS = 3;

/** Event queries an analyst runs: by country, dyad, actor (Arabic and English), type, mode, month. */
const EVENT_QUERIES: EventQuery[] = [
  {}, { country: 'RUS' }, { country: 'USA', with: 'IRN' }, { country: 'SAU', type: 'CONSULT' },
  { actor: 'ترامب' }, { actor: 'Vladimir Putin' }, { type: 'CONSULT', mode: 'phone' }, { type: 'ACCUSE' },
  { from: '2018-06-01', to: '2018-06-30' }, { country: 'TUN', from: '2017-01-01' },
];

async function* limited(items: AsyncIterable<SourceItem>, limit: number): AsyncGenerator<SourceItem> {
  let n = 0;
  for await (const item of items) {
    if (n++ >= limit) return;
    yield item;
  }
}

/** Counts at a terminal only; failures (the corpus has records with empty text) are counted
 *  in the summary line, not listed. */
function quietProgress(): IngestProgress {
  const tty = process.stderr.isTTY;
  return {
    addBytes() {},
    update(c) { if (tty && c.read % 1000 === 0) process.stderr.write(`\ringest: ${c.read} articles`); },
    log() {},
    done() { if (tty) process.stderr.write(`\r${' '.repeat(40)}\r`); },
  };
}

/** The store with the seconds spent in its writes added up, to tell the database's share of
 *  the ingest from extraction's. */
function timedStore(store: Store, spent: { upsert: number }): Store {
  const upsert: Store['upsert'] = async (batch) => {
    const t0 = performance.now();
    try { return await store.upsert(batch); } finally { spent.upsert += (performance.now() - t0) / 1000; }
  };
  return Object.assign(Object.create(store) as Store, { upsert });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** Seconds of CPU this process has used: on a busy machine, wall time also counts the waits
 *  for a core, while CPU time is what the work costs on a core of its own. */
const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

interface Latency { median: number; p95: number; max: number; n: number; cpuMedian: number; cpuP95: number; slowest: string[] }

/** Median, p95 and max in ms of `run` over every input, RUNS times each, and the inputs
 *  slowest at their best (so a slow query, not one unlucky run, is named). */
async function latencies<T>(inputs: T[], run: (input: T) => Promise<unknown>): Promise<Latency> {
  const ms: number[] = [];
  const cpu: number[] = [];
  const best = new Map<T, number>();
  for (let r = 0; r < RUNS; r++) {
    for (const input of inputs) {
      const [t0, c0] = [performance.now(), cpuSeconds()];
      await run(input);
      const t = performance.now() - t0;
      ms.push(t);
      cpu.push(1000 * (cpuSeconds() - c0));
      best.set(input, Math.min(t, best.get(input) ?? Infinity));
    }
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const slowest = [...best].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([input, t]) => `${JSON.stringify(input)} ${t.toFixed(1)} ms`);
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: ms[ms.length - 1], n: ms.length, cpuMedian: quantile(cpu, 0.5), cpuP95: quantile(cpu, 0.95), slowest };
}

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const row = (name: string, l: Latency) =>
  `${name.padEnd(8)} ${l.n} queries: median ${l.median.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${l.max.toFixed(1)} ms ` +
  `(CPU median ${l.cpuMedian.toFixed(1)} ms, p95 ${l.cpuP95.toFixed(1)} ms); slowest ${l.slowest.join(', ')}`;

async function measure(store: Store, files: string[], limit: number): Promise<void> {
  let peak = 0;
  const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
  const timer = setInterval(sample, 250);
  const [t0, c0] = [performance.now(), cpuSeconds()];
  const progress = quietProgress();
  const spent = { upsert: 0 };
  const counts = await ingestItems(limited(readInputs(files), limit), { store: timedStore(store, spent), kb: loadKb(), batchSize: BATCH, progress });
  progress.done();
  const ingestSecs = (performance.now() - t0) / 1000;
  const ingestCpu = cpuSeconds() - c0;
  const t1 = performance.now();
  const clustered = await store.recluster();
  const clusterSecs = (performance.now() - t1) / 1000;
  clearInterval(timer);
  sample();
  console.log(`ingest   ${counts.read} articles in ${ingestSecs.toFixed(1)} s: ${(counts.read / ingestSecs).toFixed(0)} articles/s (${counts.new} new, ${counts.unchanged} unchanged, ${counts.failed} failed, ${counts.events} events)`);
  console.log(`         ${ingestCpu.toFixed(1)} s of CPU: ${(counts.read / ingestCpu).toFixed(0)} articles per CPU second`);
  console.log(`         of which ${spent.upsert.toFixed(1)} s storing (${((1000 * spent.upsert) / Math.max(1, counts.new + counts.updated)).toFixed(2)} ms an article)`);
  console.log(`cluster  ${clustered.mentions} mentions into ${clustered.clusters} clusters in ${clusterSecs.toFixed(1)} s; with it ${(counts.read / (ingestSecs + clusterSecs)).toFixed(0)} articles/s`);
  console.log(`memory   peak RSS ${mib(peak)} during ingest`);

  const queries = readTsv(QUERIES).map((r) => r.query);
  console.log(row('search', await latencies(queries, (q) => store.search({ q, limit: 20 }))));
  console.log(row('events', await latencies(EVENT_QUERIES, (q) => store.events({ ...q, limit: 50 }))));
}

export async function benchStore(files: string[], limit: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
  const dbPath = join(dir, 'bench.db');
  try {
    const store = await openStore(dbPath);
    try {
      await measure(store, files, limit);
    } finally {
      await store.close();
    }
    // Closed, so the write-ahead log is folded into the file.
    console.log(`database ${mib(fileSize(dbPath) + fileSize(`${dbPath}-wal`))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
