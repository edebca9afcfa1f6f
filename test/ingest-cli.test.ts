// `marsad ingest` as a user runs it: idempotent over the examples, and a run killed mid-way
// leaves a consistent database that a rerun completes exactly.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/types.ts';
import { examplesDir, goldenIds, goldenPath } from './support/golden.ts';

const BIN = fileURLToPath(new URL('../bin/marsad.js', import.meta.url));
const SUMMARY = /^(\d+) read, (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed, (\d+) events, [\d.]+ s$/m;

interface Run { status: number | null; stdout: string; stderr: string }

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function marsad(args: string[]): Promise<Run> {
  const child = start(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d) => { stdout += d; });
  child.stderr!.setEncoding('utf8').on('data', (d) => { stderr += d; });
  const [status] = await once(child, 'close');
  return { status, stdout, stderr };
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

/** Small distinct articles: two paragraphs of the examples per article, no pair repeated.
 *  The paragraphs come from the golden files' cleaned text, so no page furniture, which
 *  cleaning would remove, makes two articles the same. */
async function corpus(size: number): Promise<string> {
  const paragraphs: string[] = [];
  for (const id of goldenIds()) {
    const { text } = JSON.parse(await readFile(goldenPath(id), 'utf8')) as { text: string };
    paragraphs.push(...text.split('\n').filter((l) => l.length > 60 && !paragraphs.includes(l)));
  }
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
