import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { IngestItem } from '../src/ingest/items.ts';
import { readInputs } from '../src/ingest/read.ts';
import type { ReadOptions } from '../src/ingest/settings.ts';

async function collect(inputs: string[], options: ReadOptions = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

const lines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

test('JSONL records keep a present title key, even empty, and their own date', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'marsad-read-'));
  const path = join(dir, 'a.jsonl');
  await writeFile(path, lines(
    { id: 'n1', text: 'نص', title: '', published: '2023-05-05T08:00:00Z', source: 'وكالة', lang: 'ar' },
    { id: 'n2', text: 'نص' },
  ));
  const items = await collect([path], { published: '2024-01-01' });
  assert.deepEqual(items, [
    { doc: { id: 'n1', text: 'نص', title: '', published: '2023-05-05', source: 'وكالة' } },
    { doc: { id: 'n2', text: 'نص', published: '2024-01-01' } },
  ]);
});

test('a bad JSONL line is reported as file:line and the rest continue', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'marsad-read-'));
  const path = join(dir, 'a.jsonl');
  await writeFile(path, `${lines({ id: 'n1', text: 'نص' })}[1,2]\n{"id":"n3","text":"${'ن'.repeat(100)}"}\n${lines({ id: 'n4', text: 'نص', published: 'أمس' })}${lines({ id: 'n5', text: 'نص' })}`);
  const items = await collect([path], { maxRecordTextBytes: 50 });
  assert.deepEqual(items.map((item) => ('doc' in item ? item.doc.id : item.error.where)), ['n1', `${path}:2`, `${path}:3`, `${path}:4`, 'n5']);
});

test('stdin: JSONL only when every non-empty line is a JSON object', async () => {
  const jsonl = await collect(['-'], { stdin: Readable.from([lines({ id: 's1', text: 'أ' }), '\n', lines({ id: 's2', text: 'ب' })]) });
  assert.deepEqual(jsonl.map((item) => 'doc' in item && item.doc.id), ['s1', 's2']);
  const text = await collect(['-'], { stdin: Readable.from([lines({ id: 's1', text: 'أ' }), 'خبر عاجل\n']) });
  assert.deepEqual(text.map((item) => 'doc' in item && item.doc.id), ['stdin']);
});

test('stdin beyond the text size limit streams as JSONL, or is refused if it is not JSONL', async () => {
  const records = Array.from({ length: 50 }, (_, i) => lines({ id: `r${i}`, text: 'نص الخبر' }));
  const streamed = await collect(['-'], { stdin: Readable.from(records), maxTextBytes: 200 });
  assert.equal(streamed.filter((item) => 'doc' in item).length, 50);
  const tooLong = await collect(['-'], { stdin: Readable.from(Array(50).fill('خبر طويل جدا\n')), maxTextBytes: 200 });
  assert.deepEqual(tooLong, [{ error: { where: 'stdin', reason: 'larger than 200 bytes and not JSONL' } }]);
});

test('a text file over the size limit is refused by name', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'marsad-read-'));
  await writeFile(join(dir, 'big.txt'), 'خبر '.repeat(100));
  await writeFile(join(dir, 'small.txt'), 'خبر');
  const items = await collect([dir], { maxTextBytes: 100 });
  assert.equal(items.length, 2);
  assert.match('error' in items[0] ? `${items[0].error.where}: ${items[0].error.reason}` : '', /big\.txt: larger than/);
  assert.deepEqual(items[1], { doc: { id: 'small', text: 'خبر', published: null } });
});

test('a directory without article files is reported, not silently skipped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'marsad-read-'));
  await writeFile(join(dir, 'notes.md'), 'ملاحظات');
  assert.deepEqual(await collect([dir]), [{ error: { where: dir, reason: 'no .txt, .jsonl or .jsonl.gz files in this directory' } }]);
});
