// `marsad ingest` and `marsad watch` as a user runs them: idempotent over the examples and
// over feeds, a run killed mid-way leaves a consistent database that a rerun completes
// exactly, and both stop cleanly on a signal. The feeds are served on 127.0.0.1.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/types.ts';
import { examplesDir, goldenIds, goldenPath } from './support/golden.ts';
import { html, page, rss, withEtag } from './support/news-site.ts';
import { startSite, type Handler } from './support/web-server.ts';
import { marsad, startMarsad, type Run } from './support/marsad-cli.ts';

const SUMMARY = /(\d+) read, (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed, (\d+) events, [\d.]+ s$/m;

/** A run to watch or stop mid-way; it reads no standard input. */
function start(args: string[]) {
  const child = startMarsad(args);
  child.stdin!.end();
  return child;
}

function summaryOf(run: Run) {
  const match = SUMMARY.exec(run.stdout);
  assert.ok(match, `no summary line in ${JSON.stringify(run.stdout)} (stderr ${JSON.stringify(run.stderr)})`);
  const [read, added, updated, unchanged, failed, events] = match.slice(1).map(Number);
  return { read, new: added, updated, unchanged, failed, events };
}

/** The store's own counts, and the events of its documents counted one by one. */
async function census(store: Store) {
  const stats = await store.stats();
  const keys = new Set<string>();
  let events = 0;
  let documents = 0;
  for await (const doc of store.exportDocs()) {
    documents++;
    keys.add(doc.id);
    events += doc.events.length;
  }
  return { stats, documents, distinct: keys.size, events };
}

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marsad-ingest-'));
});

test('ingesting the examples twice: the second run adds nothing', async () => {
  const db = join(dir, 'examples.db');
  const first = await marsad(['ingest', examplesDir, '--db', db]);
  assert.equal(first.status, 0, first.stderr);
  const articles = (await readdir(examplesDir)).filter((f) => f.endsWith('.txt')).length;
  const counts = summaryOf(first);
  assert.deepEqual({ ...counts, events: 0 }, { read: articles, new: articles, updated: 0, unchanged: 0, failed: 0, events: 0 });
  assert.ok(counts.events > 0);

  const second = await marsad(['ingest', examplesDir, '--db', db]);
  assert.equal(second.status, 0, second.stderr);
  assert.deepEqual(summaryOf(second), { read: articles, new: 0, updated: 0, unchanged: articles, failed: 0, events: 0 });
  const store = await openStore(db);
  try {
    const { stats, events } = await census(store);
    assert.equal(stats.documents, articles);
    assert.equal(stats.events, counts.events);
    assert.equal(events, counts.events);
  } finally {
    await store.close();
  }
});

test('a failed input is named, the others stored, and the exit status is 1', async () => {
  const db = join(dir, 'failed.db');
  const run = await marsad(['ingest', join(examplesDir, '000_135347bbe2061953.txt'), join(dir, 'missing.txt'), '--db', db]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^marsad: .*missing\.txt: no such file or directory$/m);
  assert.deepEqual({ ...summaryOf(run), events: 0 }, { read: 1, new: 1, updated: 0, unchanged: 0, failed: 1, events: 0 });
});

/** The paragraphs of the examples, from the golden files' cleaned text, so no page
 *  furniture (which cleaning removes) can make two articles built from them the same. */
async function goldenParagraphs(): Promise<string[]> {
  const paragraphs: string[] = [];
  for (const id of goldenIds()) {
    const { text } = JSON.parse(await readFile(goldenPath(id), 'utf8')) as { text: string };
    paragraphs.push(...text.split('\n').filter((l) => l.length > 60 && !paragraphs.includes(l)));
  }
  return paragraphs;
}

/** Small distinct articles: two paragraphs of the examples per article, no pair repeated. */
async function corpus(size: number): Promise<string> {
  const paragraphs = await goldenParagraphs();
  const n = paragraphs.length;
  assert.ok(n * (n - 1) >= size, 'enough paragraph pairs');
  const records = Array.from({ length: size }, (_, i) => JSON.stringify({
    id: `gen-${i}`,
    title: `خبر ${i}`,
    text: `${paragraphs[i % n]}\n${paragraphs[(i % n + 1 + Math.floor(i / n)) % n]}`,
    published: '2023-09-20',
  }));
  const path = join(dir, 'generated.jsonl');
  await writeFile(path, `${records.join('\n')}\n`);
  return path;
}

test('killed mid-run: whole batches stored, events consistent; a rerun completes it exactly', { timeout: 180_000 }, async () => {
  const SIZE = 3000;
  const BATCH = 100;
  const input = await corpus(SIZE);
  const db = join(dir, 'killed.db');
  const child = start(['ingest', input, '--db', db, '--batch', String(BATCH)]);
  child.stdout!.resume();
  child.stderr!.resume();
  const exited = once(child, 'exit');
  let store: Store | null = null;
  // Wait, boundedly, for a few batches to be committed, then kill without warning.
  for (let waited = 0; waited < 60_000; waited += 50) {
    await sleep(50);
    store ??= await openStore(db).catch(() => null);
    if (store && (await store.stats()).documents >= 3 * BATCH) break;
  }
  assert.ok(store, 'the database was created');
  child.kill('SIGKILL');
  await exited;
  await store.close();

  const reopened = await openStore(db);
  let killedAt: number;
  try {
    const { stats, documents, distinct, events } = await census(reopened);
    killedAt = stats.documents;
    assert.ok(killedAt >= 3 * BATCH && killedAt < SIZE, `killed mid-run (${killedAt} stored)`);
    assert.equal(killedAt % BATCH, 0, 'only whole batches');
    assert.equal(documents, killedAt);
    assert.equal(distinct, killedAt);
    assert.equal(stats.events, events, 'every stored event belongs to a stored article');
  } finally {
    await reopened.close();
  }

  const rerun = await marsad(['ingest', input, '--db', db, '--batch', String(BATCH)]);
  assert.equal(rerun.status, 0, rerun.stderr);
  const counts = summaryOf(rerun);
  assert.equal(counts.unchanged, killedAt);
  assert.equal(counts.new, SIZE - killedAt);
  const final = await openStore(db);
  try {
    const { stats, documents, distinct, events } = await census(final);
    assert.equal(stats.documents, SIZE);
    assert.equal(documents, SIZE);
    assert.equal(distinct, SIZE, 'no duplicates');
    assert.equal(stats.events, events);
  } finally {
    await final.close();
  }
});

test('Ctrl-C: the batch in progress is committed, the summary printed, exit status 130', { timeout: 120_000 }, async () => {
  const BATCH = 100;
  const input = await corpus(3000);
  const db = join(dir, 'interrupted.db');
  const child = start(['ingest', input, '--db', db, '--batch', String(BATCH)]);
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (d) => { stdout += d; });
  child.stderr!.resume();
  const exited = once(child, 'exit');
  const store = await openStore(db);
  try {
    for (let waited = 0; (await store.stats()).documents < BATCH; waited += 50) {
      assert.ok(waited < 60_000, 'a first batch within 60 s');
      await sleep(50);
    }
    child.kill('SIGINT');
    const [status] = await exited;
    assert.equal(status, 130);
    const counts = summaryOf({ status, stdout, stderr: '' });
    const { documents } = await store.stats();
    assert.ok(counts.read < 3000, 'stopped early');
    assert.equal(counts.new, counts.read);
    assert.equal(documents, counts.read, 'everything read was committed, the last batch partly full');
  } finally {
    child.kill('SIGKILL');
    await store.close();
  }
});

/** A site on 127.0.0.1 with a feed of `count` article pages, each made of two example
 *  paragraphs; `grow()` adds a page to the feed and changes its ETag. */
async function feedSite(count: number) {
  const paragraphs = await goldenParagraphs();
  const feed = { etag: '"v0"', body: '' };
  const routes: Record<string, Handler> = { '/feed.xml': withEtag(feed, 'application/rss+xml') };
  const site = await startSite(routes);
  let pages = 0;
  const grow = () => {
    const head = `<meta charset="utf-8"><meta property="article:published_time" content="2023-09-2${pages}T10:00:00+03:00">`;
    routes[`/news/${pages}`] = html(page(head, { headline: `خبر ${pages}`, paragraphs: paragraphs.slice(2 * pages, 2 * pages + 2) }));
    pages++;
    feed.etag = `"v${pages}"`;
    feed.body = rss(Array.from({ length: pages }, (_, i) => site.url(`/news/${i}`)));
  };
  for (let i = 0; i < count; i++) grow();
  return { site, grow, feedUrl: site.url('/feed.xml') };
}

test('ingest --feed twice: the items once, then a conditional GET answered 304', async () => {
  const { site, feedUrl } = await feedSite(3);
  try {
    const db = join(dir, 'feed.db');
    const first = await marsad(['ingest', '--feed', feedUrl, '--db', db]);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual({ ...summaryOf(first), events: 0 }, { read: 3, new: 3, updated: 0, unchanged: 0, failed: 0, events: 0 });
    const state = JSON.parse(await readFile(`${db}.fetch-state.json`, 'utf8'));
    assert.deepEqual(state.feeds[feedUrl], { etag: '"v3"', items: [0, 1, 2].map((i) => site.url(`/news/${i}`)) });

    const second = await marsad(['ingest', '--feed', feedUrl, '--db', db]);
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual(summaryOf(second), { read: 0, new: 0, updated: 0, unchanged: 0, failed: 0, events: 0 });
    const polls = site.log.filter((r) => r.path === '/feed.xml');
    assert.equal(polls.length, 2);
    assert.equal(polls[1].headers['if-none-match'], '"v3"');
    assert.equal(site.log.filter((r) => r.path.startsWith('/news/')).length, 3, 'each page fetched once');
  } finally {
    await site.close();
  }
});

test('watch: new items at each poll, then a clean stop on SIGTERM', { timeout: 60_000 }, async () => {
  const { site, grow, feedUrl } = await feedSite(2);
  const feeds = join(dir, 'feeds.txt');
  await writeFile(feeds, `# the test site\n${feedUrl}\n`);
  const db = join(dir, 'watch.db');
  const child = start(['watch', feeds, '--every', '1s', '--db', db]);
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  child.stderr!.resume();
  const exited = once(child, 'exit');
  const summaries = () => lines.map((line) => {
    assert.match(line, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z 1 feeds: /);
    return summaryOf({ status: null, stdout: line, stderr: '' });
  });
  const pollUntil = async (done: () => boolean) => {
    for (let waited = 0; !done(); waited += 50) {
      assert.ok(waited < 20_000, `within 20 s (output so far: ${JSON.stringify(lines)})`);
      await sleep(50);
    }
  };
  try {
    await pollUntil(() => lines.length > 0);
    grow();
    await pollUntil(() => summaries().some((s) => s.new === 1));
    child.kill('SIGTERM');
    const [status] = await exited;
    assert.equal(status, 0);
    const [first, ...later] = summaries().map((s) => ({ ...s, events: 0 }));
    assert.deepEqual(first, { read: 2, new: 2, updated: 0, unchanged: 0, failed: 0, events: 0 });
    // Other polls were answered 304; the one after the feed grew found the new item.
    assert.deepEqual(later.filter((poll) => poll.read > 0), [{ read: 3, new: 1, updated: 0, unchanged: 2, failed: 0, events: 0 }]);
    const store = await openStore(db);
    try {
      assert.equal((await store.stats()).documents, 3);
    } finally {
      await store.close();
    }
  } finally {
    child.kill('SIGKILL');
    await site.close();
  }
});
