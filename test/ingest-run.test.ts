// The ingest loop over an in-memory store: batching, idempotence, failures, feed
// checkpoints, stopping; and what the progress display writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawDoc } from '../src/extract/types.ts';
import type { SourceItem } from '../src/ingest/items.ts';
import { loadKb } from '../src/kb/load.ts';
import { barLine, ingestProgress, noCounts, summaryLine, type IngestProgress } from '../src/cli/ingest-progress.ts';
import { ingestItems, type IngestRun } from '../src/cli/ingest-run.ts';
import { MemoryStore } from './support/memory-store.ts';

const kb = loadKb();
const SENTENCE = 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في موسكو';
const article = (n: number, extra = ''): RawDoc => ({ id: `a${n}`, text: `${SENTENCE} للمرة ${n}${extra}.`, published: '2023-09-20' });

async function* itemsOf(...items: SourceItem[]): AsyncGenerator<SourceItem> {
  yield* items;
}

function quietProgress(): IngestProgress & { lines: string[] } {
  const lines: string[] = [];
  return { lines, addBytes() {}, update() {}, log: (line) => lines.push(line), done() {} };
}

const runOf = (store: MemoryStore, extra: Partial<IngestRun> = {}): IngestRun => ({ store, kb, batchSize: 2, progress: quietProgress(), ...extra });

test('articles are stored in batches of the given size, with their events counted', async () => {
  const store = new MemoryStore();
  const counts = await ingestItems(itemsOf(...[1, 2, 3, 4, 5].map((n) => ({ doc: article(n) }))), runOf(store));
  assert.deepEqual(store.batches, [2, 2, 1]);
  assert.equal(counts.read, 5);
  assert.equal(counts.new, 5);
  assert.ok(counts.events >= 5, 'each article reports a meeting');
  assert.equal(counts.events, (await store.stats()).events);
  const stored = store.docs.get('a1')!;
  assert.match(stored.hash, /^[0-9a-f]{64}$/);
  assert.equal(stored.doc.published, '2023-09-20');
});

test('a rerun stores nothing new; a changed article replaces its earlier version', async () => {
  const store = new MemoryStore();
  await ingestItems(itemsOf({ doc: article(1) }, { doc: article(2) }), runOf(store));
  const rerun = await ingestItems(itemsOf({ doc: article(1) }, { doc: article(2) }), runOf(store));
  assert.deepEqual(rerun, { ...noCounts(), read: 2, unchanged: 2 });
  const changed = await ingestItems(itemsOf({ doc: article(1, ' مجددا') }), runOf(store));
  assert.equal(changed.updated, 1);
  assert.equal(store.docs.size, 2);
});

test('the same text under another id is stored once', async () => {
  const store = new MemoryStore();
  const counts = await ingestItems(itemsOf({ doc: article(1) }, { doc: { ...article(1), id: 'copy' } }), runOf(store, { batchSize: 1 }));
  assert.equal(counts.new, 1);
  assert.equal(counts.unchanged, 1);
  assert.equal(store.docs.size, 1);
});

test('failures are counted and reported; known feed items count as unchanged', async () => {
  const store = new MemoryStore();
  const progress = quietProgress();
  const counts = await ingestItems(itemsOf(
    { error: { where: 'http://127.0.0.1/x', reason: 'HTTP 404 Not Found' } },
    { known: 'http://127.0.0.1/old' },
    { doc: article(1) },
  ), runOf(store, { progress }));
  assert.deepEqual(counts, { ...noCounts(), read: 2, new: 1, unchanged: 1, failed: 1, events: counts.events });
  assert.deepEqual(progress.lines, ['marsad: http://127.0.0.1/x: HTTP 404 Not Found']);
});

test('a feed checkpoint runs only once the articles before it are committed', async () => {
  const store = new MemoryStore();
  const storedWhenRun: number[] = [];
  const checkpoint = { afterCommit: async () => { storedWhenRun.push(store.docs.size); } };
  await ingestItems(itemsOf({ doc: article(1) }, checkpoint, { doc: article(2) }, { doc: article(3) }), runOf(store, { batchSize: 10 }));
  assert.deepEqual(storedWhenRun, [3]);
});

test('once stopped, no further item is taken and the batch in progress is committed', async () => {
  const store = new MemoryStore();
  const controller = new AbortController();
  async function* endless(): AsyncGenerator<SourceItem> {
    for (let n = 1; n <= 1000; n++) {
      if (n === 4) controller.abort();
      yield { doc: article(n) };
    }
  }
  const counts = await ingestItems(endless(), runOf(store, { batchSize: 3, signal: controller.signal }));
  assert.equal(counts.read, 4);
  assert.deepEqual(store.batches, [3, 1]);
});

test('the summary line and the progress bar', () => {
  const counts = { read: 1200, new: 1100, updated: 2, unchanged: 98, failed: 3, events: 4321 };
  assert.equal(summaryLine(counts, 3.04), '1200 read, 1100 new, 2 updated, 98 unchanged, 3 failed, 4321 events, 3.0 s');
  assert.equal(barLine(counts, 0.5, 3), '[████████████░░░░░░░░░░░░]  50%  1200 read · 1100 new · 3 failed · 400/s');
  assert.equal(barLine(counts, null, 3), '1200 read · 1100 new · 3 failed · 400/s');
});

test('away from a terminal, a summary line every so often and nothing else', () => {
  let clock = 0;
  const written: string[] = [];
  const stream = { write: (s: string) => written.push(s), isTTY: false } as unknown as NodeJS.WritableStream;
  const progress = ingestProgress(stream, { totalBytes: 100, everyMs: 1000, now: () => clock });
  const counts = noCounts();
  for (let i = 0; i < 30; i++) {
    clock += 100;
    counts.read++;
    progress.update({ ...counts });
  }
  progress.log('marsad: a.txt: empty file');
  progress.done();
  assert.deepEqual(written, [
    'marsad: ingest: 10 read, 0 new, 0 updated, 0 unchanged, 0 failed, 0 events, 1.0 s\n',
    'marsad: ingest: 20 read, 0 new, 0 updated, 0 unchanged, 0 failed, 0 events, 2.0 s\n',
    'marsad: ingest: 30 read, 0 new, 0 updated, 0 unchanged, 0 failed, 0 events, 3.0 s\n',
    'marsad: a.txt: empty file\n',
  ]);
});

test('at a terminal, one line redrawn in place and cleared before an error line', () => {
  let clock = 0;
  const written: string[] = [];
  const stream = { write: (s: string) => written.push(s), isTTY: true } as unknown as NodeJS.WritableStream;
  const progress = ingestProgress(stream, { totalBytes: 100, now: () => clock });
  clock = 500;
  progress.addBytes(25);
  progress.update({ ...noCounts(), read: 10 });
  progress.log('marsad: a.txt: empty file');
  progress.done();
  assert.deepEqual(written, [
    '\r\x1b[K[██████░░░░░░░░░░░░░░░░░░]  25%  10 read · 0 new · 0 failed · 20/s',
    '\r\x1b[K',
    'marsad: a.txt: empty file\n',
  ]);
});
