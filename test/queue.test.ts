// The queue as a team runs it: `marsad ingest --queue` and `marsad worker` processes against a
// PostgreSQL database. Queued articles are stored as a direct ingest stores them; a poison job
// ends failed with its error in `marsad queue status`, after its retries; a worker killed with
// SIGKILL mid-batch loses no job and doubles no article once another worker takes over.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type PgBoss from 'pg-boss';
import type { ContractDoc } from '../src/extract/types.ts';
import { readInputs } from '../src/ingest/read.ts';
import { FETCH_ORDER, QUEUE, startBoss, type JobPolicy } from '../src/queue/boss.ts';
import { enqueue } from '../src/queue/enqueue.ts';
import { queueStatus } from '../src/queue/status.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/types.ts';
import { examplesDir, goldenIds, goldenPath } from './support/golden.ts';
import { html, page, PARAGRAPHS, rss } from './support/news-site.ts';
import { createDatabase, postgresUnavailable, type TestDatabase } from './support/postgres.ts';
import { startSite } from './support/web-server.ts';

const BIN = fileURLToPath(new URL('../bin/marsad.js', import.meta.url));
const SUMMARY = /(\d+) read, (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed, (\d+) events, [\d.]+ s$/m;

interface Run { status: number | null; stdout: string; stderr: string }

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function finished(child: ChildProcess, limitMs = 60_000): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d) => { stdout += d; });
  child.stderr!.setEncoding('utf8').on('data', (d) => { stderr += d; });
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const [status] = await once(child, 'close');
  clearTimeout(timer);
  return { status, stdout, stderr };
}

const marsad = (args: string[]) => finished(start(args));

function summaryOf(run: Run) {
  const match = SUMMARY.exec(run.stdout);
  assert.ok(match, `no summary line in ${JSON.stringify(run.stdout)} (stderr ${JSON.stringify(run.stderr)})`);
  const [read, added, updated, unchanged, failed, events] = match.slice(1).map(Number);
  return { read, new: added, updated, unchanged, failed, events };
}

async function exported(store: Store): Promise<ContractDoc[]> {
  const docs: ContractDoc[] = [];
  for await (const doc of store.exportDocs()) docs.push(doc);
  return docs.sort((a, b) => a.id.localeCompare(b.id));
}

/** Waits, boundedly, until `ready` holds. */
async function until(what: string, ready: () => Promise<boolean>, limitMs = 60_000): Promise<void> {
  for (const started = Date.now(); !(await ready());) {
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await sleep(100);
  }
}

describe('queue and workers', { skip: postgresUnavailable() ?? undefined }, () => {
  let dir: string;
  let db: TestDatabase;
  let boss: PgBoss;

  const status = () => queueStatus(boss.getDb());
  /** Articles read from files, queued with this retry and expiry policy. */
  const queue = async (paths: string[], policy: JobPolicy) => enqueue(boss, readInputs(paths), [], { published: null, policy });
  const clear = () => boss.getDb().executeSql('DELETE FROM pgboss.job; DELETE FROM pgboss.archive; TRUNCATE documents, actors, clusters CASCADE', []);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marsad-queue-'));
    db = await createDatabase();
    // The schema first, as ingest --queue makes it, then the queue.
    await (await openStore(db.url)).close();
    boss = await startBoss(db.url);
  });
  after(async () => {
    await boss?.stop({ graceful: false, wait: true });
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  test('workers starting together create the FIFO index once, and jobs are taken oldest first', async () => {
    await boss.getDb().executeSql('DROP INDEX pgboss.marsad_job_fifo', []);
    const bosses = await Promise.all([1, 2, 3].map(() => startBoss(db.url)));
    try {
      const { rows } = await boss.getDb().executeSql("SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'pgboss' AND indexdef LIKE '%(name, created_on, id)%'", []);
      assert.ok(rows[0].n >= 2, 'the index on pg-boss\'s job table and on the queue\'s partition');
      for (let i = 0; i < 30; i++) await boss.insert([{ name: QUEUE, data: { n: i } }]);
      // Each fetch takes the oldest jobs left (pg-boss returns a batch in no particular order).
      const taken: number[][] = [];
      for (const b of bosses) taken.push((await b.fetch<{ n: number }>(QUEUE, { batchSize: 10, ...FETCH_ORDER })).map((j) => j.data.n).sort((x, y) => x - y));
      assert.deepEqual(taken, [0, 10, 20].map((from) => Array.from({ length: 10 }, (_, i) => from + i)));
    } finally {
      await Promise.all(bosses.map((b) => b.stop({ graceful: false, wait: true })));
      await clear();
    }
  });

  test('queued examples are all stored by a worker, as extract writes them', { timeout: 120_000 }, async () => {
    const queued = await marsad(['ingest', '--queue', examplesDir, '--db', db.url]);
    assert.equal(queued.status, 0, queued.stderr);
    assert.match(queued.stdout, /^5 jobs queued \(5 articles, 0 pages to fetch\), 0 known, 0 failed/m);
    const worked = await marsad(['worker', '--db', db.url, '--until-empty']);
    assert.equal(worked.status, 0, worked.stderr);
    assert.deepEqual({ ...summaryOf(worked), events: 0 }, { read: 5, new: 5, updated: 0, unchanged: 0, failed: 0, events: 0 });
    const store = await openStore(db.url);
    try {
      const golden = await Promise.all(goldenIds().map(async (id) => JSON.parse(await readFile(goldenPath(id), 'utf8')) as ContractDoc));
      assert.deepEqual(await exported(store), golden);
    } finally {
      await store.close();
    }
    assert.equal((await status()).counts.completed, 5);
    await clear();
  });

  test('a poison job is retried with backoff, then kept as failed with its error, shown by queue status', { timeout: 120_000 }, async () => {
    await boss.insert([
      { name: 'marsad-ingest', data: { article: { id: 'poison-1', text: 42 } }, retryLimit: 1, retryDelay: 1 },
      { name: 'marsad-ingest', data: { article: { id: 'fine-1', text: 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في موسكو.' } } },
    ]);
    const first = await marsad(['worker', '--db', db.url, '--until-empty']);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual({ ...summaryOf(first), events: 0 }, { read: 2, new: 1, updated: 0, unchanged: 0, failed: 1, events: 0 });
    assert.match(first.stderr, /^marsad: poison-1: article "poison-1" has no text$/m);
    assert.deepEqual((await status()).counts, { created: 0, retry: 1, active: 0, completed: 1, cancelled: 0, failed: 0 });
    // The retry waits a second or two (backoff), then fails for good: its one retry is spent.
    await until('the retry', async () => {
      await marsad(['worker', '--db', db.url, '--until-empty']);
      return (await status()).counts.retry === 0;
    }, 30_000);
    const shown = await marsad(['queue', 'status', '--db', db.url]);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /^created 0 {2}retry 0 {2}active 0 {2}completed 1 {2}cancelled 0 {2}failed 1$/m);
    assert.match(shown.stdout, /^ {2}\S+ {2}poison-1 {2}\(2 attempts\): article "poison-1" has no text$/m);
    await clear();
  });

  test('article URLs are fetched by the workers; feed items are read and queued whole', { timeout: 120_000 }, async () => {
    const site = await startSite({
      '/news/1': html(page('<link rel="canonical" href="/news/1"><meta property="article:published_time" content="2023-09-20T10:00:00+03:00">')),
      '/news/2': html(page('<link rel="canonical" href="/news/2">', { headline: 'وانغ يي في موسكو', paragraphs: PARAGRAPHS.slice(0, 2) })),
      '/feed.xml': html(rss(['/news/2']), 'application/rss+xml'),
    });
    try {
      const queued = await marsad(['ingest', '--queue', site.url('/news/1'), site.url('/news/gone'), '--feed', site.url('/feed.xml'), '--db', db.url]);
      assert.equal(queued.status, 0, queued.stderr);
      assert.match(queued.stdout, /^3 jobs queued \(1 articles, 2 pages to fetch\), 0 known, 0 failed/m);
      assert.ok(!site.log.some((r) => r.path === '/news/1'), 'the page is left to the workers');
      const worked = await marsad(['worker', '--db', db.url, '--until-empty']);
      assert.deepEqual({ ...summaryOf(worked), events: 0 }, { read: 3, new: 2, updated: 0, unchanged: 0, failed: 1, events: 0 });
      assert.match(worked.stderr, /^marsad: http:\/\/127\.0\.0\.1:\d+\/news\/gone: HTTP 404 Not Found$/m);
      const store = await openStore(db.url);
      try {
        assert.deepEqual((await exported(store)).map((d) => [d.id, d.published]), [[site.url('/news/1'), '2023-09-20'], [site.url('/news/2'), '2023-09-20']]);
      } finally {
        await store.close();
      }
      assert.deepEqual((await status()).counts, { created: 0, retry: 1, active: 0, completed: 2, cancelled: 0, failed: 0 }, 'the missing page is tried again later');
    } finally {
      await site.close();
      await clear();
    }
  });

  test('a worker killed with SIGKILL mid-batch loses no job and doubles no article', { timeout: 180_000 }, async () => {
    const SIZE = 400;
    const texts = await Promise.all(goldenIds().map(async (id) => (JSON.parse(await readFile(goldenPath(id), 'utf8')) as ContractDoc).text));
    const records = Array.from({ length: SIZE }, (_, i) => JSON.stringify({
      id: `report-${i}`, published: '2023-09-20', text: `${texts[i % texts.length]}\nوأضاف المتحدث في البيان رقم ${i} أن المحادثات ستستمر.`,
    }));
    const input = join(dir, 'reports.jsonl');
    await writeFile(input, `${records.join('\n')}\n`);
    // Expiry short enough for the test: the killed worker's jobs run again 5 s after it took them.
    const queued = await queue([input], { expireInSeconds: 5, retryLimit: 3, retryDelay: 1 });
    assert.equal(queued.articles, SIZE);

    const killed = start(['worker', '--db', db.url, '--batch', '10', '--maintenance-every', '1s']);
    const killedRun = finished(killed);
    let activeAtKill = 0;
    await until('the first worker to be busy', async () => {
      const { counts } = await status();
      activeAtKill = counts.active;
      return counts.completed >= 40 && counts.active > 0;
    });
    killed.kill('SIGKILL');
    await killedRun;
    const { counts: left } = await status();
    assert.ok(left.active > 0 && left.completed < SIZE, `killed mid-batch (${JSON.stringify(left)})`);

    const rescuer = start(['worker', '--db', db.url, '--batch', '10', '--maintenance-every', '1s']);
    const rescuerRun = finished(rescuer, 120_000);
    await until('every job to be done', async () => (await status()).counts.completed === SIZE, 90_000);
    rescuer.kill('SIGTERM');
    const rescued = await rescuerRun;
    assert.equal(rescued.status, 0, rescued.stderr);

    const { counts } = await status();
    assert.deepEqual(counts, { created: 0, retry: 0, active: 0, completed: SIZE, cancelled: 0, failed: 0 });
    const { rows: [{ again }] } = await boss.getDb().executeSql('SELECT count(*)::int AS again FROM pgboss.job WHERE retry_count > 0', []);
    assert.ok(again >= activeAtKill, `the killed worker's ${activeAtKill} jobs ran again (${again} retried)`);
    const store = await openStore(db.url);
    try {
      const docs = await exported(store);
      assert.equal(docs.length, SIZE);
      assert.equal(new Set(docs.map((d) => d.id)).size, SIZE);
      const stats = await store.stats();
      assert.equal(stats.documents, SIZE);
      assert.equal(stats.events, docs.reduce((n, d) => n + d.events.length, 0), 'no event stored twice');
      assert.deepEqual(await store.recluster(), { clusters: 0, mentions: 0 }, 'clustered as they were stored');
    } finally {
      await store.close();
    }
  });
});
