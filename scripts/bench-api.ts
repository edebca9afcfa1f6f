// npm run bench:api [-- --db FILE] [--limit N] [--seconds S] [FILE.jsonl.gz …]: GET /api/events
// under load. `marsad serve` runs in its own process on 127.0.0.1 over a database of the news
// corpus, and autocannon keeps 20 clients busy with the events listing and a few of its filters
// for S seconds (10 by default); then again with the server's answer cache off, and on each
// filter alone, to show what the store's queries cost. It prints the latency percentiles and
// requests per second. Target (issue 4): p95 < 50 ms, as `marsad serve` runs.
//
// The database: --db FILE when it exists; else one built from the corpus (../shared/corpus,
// or the files given, the first N articles with --limit) as `marsad ingest` builds it, kept at
// FILE when --db names one (so the next run skips the build), else removed at the end.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { ingestProgress, summaryLine } from '../src/cli/ingest-progress.ts';
import { ingestItems } from '../src/cli/ingest-run.ts';
import type { SourceItem } from '../src/ingest/items.ts';
import { readInputs } from '../src/ingest/read.ts';
import { loadKb } from '../src/kb/load.ts';
import { openStore } from '../src/store/open.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'marsad.js');
const CLIENTS = 20;
const TARGET_P95_MS = 50;
/** Seconds of load on each filter alone, after the mixed run. */
const EACH_SECONDS = 2;
/** As `marsad ingest` commits by default. */
const BATCH = 200;

/** What an analyst asks the listing for: everything, a country, a dyad, a meeting mode, an
 *  actor by name, a month, a type in a country with a longer page. */
const VARIANTS = [
  '/api/events', '/api/events?country=RUS', '/api/events?country=USA&with=IRN', '/api/events?type=CONSULT&mode=phone',
  `/api/events?actor=${encodeURIComponent('ترامب')}`, '/api/events?from=2018-06-01&to=2018-06-30', '/api/events?country=SAU&type=CONSULT&limit=100',
];

// autocannon ships no type declarations: the part of its API used here.
interface Instance { on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void }
interface Result { requests: { total: number }; duration: number; non2xx: number; errors: number; timeouts: number }
type Autocannon = (options: { url: string; connections: number; duration: number; requests: { path: string }[] }) => Instance & Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const dbOption = option('--db');
const limit = Number(option('--limit') ?? Infinity);
const seconds = Number(option('--seconds') ?? 10);
const valued = new Set(['--db', '--limit', '--seconds'].flatMap((name) => [name, option(name)]));
let files = process.argv.slice(2).filter((a) => !a.startsWith('--') && !valued.has(a));

async function build(path: string): Promise<void> {
  if (!files.length) {
    const corpus = join(root, '..', 'shared', 'corpus');
    if (!existsSync(corpus)) { console.log(`bench:api: no database, no input given and ${corpus} is absent; nothing to measure.`); process.exit(0); }
    files = readdirSync(corpus).filter((f) => f.endsWith('.jsonl.gz')).sort().map((f) => join(corpus, f));
  }
  const t0 = performance.now();
  const store = await openStore(path);
  try {
    const items: AsyncIterable<SourceItem> = Number.isFinite(limit) ? Readable.from(readInputs(files)).take(limit) : readInputs(files);
    // Records the corpus cannot give (some have empty text) are counted, not listed.
    const progress = { ...ingestProgress(process.stderr, { totalBytes: null }), log() {} };
    const counts = await ingestItems(items, { store, kb: loadKb(), batchSize: BATCH, progress });
    progress.done();
    await store.recluster();
    console.log(`build    ${path}: ${summaryLine(counts, (performance.now() - t0) / 1000)}, clustered`);
  } finally {
    await store.close();
  }
}

/** `marsad serve` on a free port of 127.0.0.1, read-only, with its default cache or `--cache
 *  cache`, for the time of `work`. */
async function withServer<T>(db: string, cache: number | null, work: (url: string) => Promise<T>): Promise<T> {
  const { MARSAD_TOKEN: _, ...env } = process.env;
  const args = [BIN, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1', ...(cache === null ? [] : ['--cache', String(cache)])];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    // Its output ends when it exits, so a server that fails to start ends the loop.
    for await (const line of createInterface({ input: child.stdout! })) {
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0];
      if (url) return await work(url);
    }
    throw new Error('marsad serve ended without serving (its error is above)');
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

interface Load { rate: number; p50: number; p95: number; p99: number; failed: number }

/** CLIENTS connections, each going through `paths` in turn, for `duration` seconds. */
async function load(url: string, paths: string[], duration: number): Promise<Load> {
  const ms: number[] = [];
  const run = autocannon({ url, connections: CLIENTS, duration, requests: paths.map((path) => ({ path })) });
  run.on('response', (_client, _status, _bytes, time) => ms.push(time));
  const result = await run;
  ms.sort((a, b) => a - b);
  return {
    rate: result.requests.total / result.duration, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), p99: percentile(ms, 0.99),
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

const line = (name: string, l: Load) =>
  `${name.padEnd(50)} ${l.rate.toFixed(0).padStart(6)} requests/s, p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms${l.failed ? `, ${l.failed} FAILED` : ''}`;

/** Each query once, so statement preparation is not in the figures. */
async function warm(url: string, paths: string[]): Promise<void> {
  for (const path of paths) await (await fetch(`${url}${path}`)).arrayBuffer();
}

const dir = dbOption ? null : mkdtempSync(join(tmpdir(), 'marsad-bench-api-'));
const db = dbOption ?? join(dir!, 'bench.db');
try {
  if (!existsSync(db)) await build(db);
  const { paths, served } = await withServer(db, null, async (url) => {
    const health = await (await fetch(`${url}/api/health`)).json() as { documents: number; events: number; clusters: number };
    console.log(`database ${db}: ${health.documents} articles, ${health.events} events in ${health.clusters} clusters`);
    // A second page too, as the dashboard's tables ask for it.
    const first = await (await fetch(`${url}/api/events`)).json() as { next: string | null };
    const paths = first.next ? [...VARIANTS, `/api/events?cursor=${first.next}`] : VARIANTS;
    await warm(url, paths);
    console.log(`load     GET /api/events, ${paths.length} filter variants in turn, ${CLIENTS} clients, ${seconds} s`);
    const served = await load(url, paths, seconds);
    console.log(line('served   as `marsad serve` runs (answers reused 5 s)', served));
    return { paths, served };
  });
  // What the store's queries cost under the same load, and which filter costs most.
  await withServer(db, 0, async (url) => {
    await warm(url, paths);
    console.log(line('uncached with --cache 0 (every request queries)', await load(url, paths, seconds)));
    for (const path of paths) console.log(line(`           ${decodeURIComponent(path).slice(0, 38)}`, await load(url, [path], EACH_SECONDS)));
  });
  const met = served.p95 < TARGET_P95_MS;
  console.log(`target   p95 < ${TARGET_P95_MS} ms as served: ${met ? 'met' : 'NOT met'}`);
  process.exitCode = met && !served.failed ? 0 : 1;
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
