import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { marsad } from './support/marsad-cli.ts';

const ARTICLE = 'موسكو - التقى الرئيس الروسي فلاديمير بوتين وزير الخارجية الصيني وانغ يي في سانت بطرسبورغ يوم الأربعاء.';

const jsonl = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const idsOf = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line).id as string);

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marsad-cli-'));
  await mkdir(join(dir, 'folder', 'sub'), { recursive: true });
  await writeFile(join(dir, 'single.txt'), ARTICLE);
  await writeFile(join(dir, 'folder', 'b.txt'), ARTICLE);
  await writeFile(join(dir, 'folder', 'sub', 'a.jsonl'), jsonl({ id: 'folder-record', text: ARTICLE }));
  await writeFile(join(dir, 'folder', 'notes.md'), 'not an article');
  await writeFile(join(dir, 'records.jsonl'), jsonl(
    { id: 'titled', title: 'بوتين يستقبل وانغ يي', text: ARTICLE, published: '2023-09-21' },
    { id: 'plain', text: ARTICLE },
  ));
  await writeFile(join(dir, 'packed.jsonl.gz'), gzipSync(jsonl({ id: 'gz1', text: ARTICLE }, { id: 'gz2', text: ARTICLE })));
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
});

test('every good input is extracted, each bad one named on stderr, exit status 1', async () => {
  const inputs = ['single.txt', 'folder', 'records.jsonl', 'packed.jsonl.gz', 'empty.txt', 'binary.txt', 'missing.txt'].map((f) => join(dir, f));
  const run = await marsad(['extract', ...inputs, '-'], { stdin: jsonl({ id: 'piped', text: ARTICLE }) });
  assert.equal(run.status, 1);
  assert.deepEqual(idsOf(run.stdout), ['single', 'b', 'folder-record', 'titled', 'plain', 'gz1', 'gz2', 'piped']);
  const errors = run.stderr.trim().split('\n');
  assert.equal(errors.length, 3);
  assert.match(errors[0], /^marsad: .*empty\.txt: empty file$/);
  assert.match(errors[1], /^marsad: .*binary\.txt: binary content/);
  assert.match(errors[2], /^marsad: .*missing\.txt: no such file or directory$/);
});

test('a title key and dates pass through; --published fills in the missing ones', async () => {
  const run = await marsad(['extract', '--published', '2023-09-20', join(dir, 'records.jsonl'), join(dir, 'single.txt')]);
  assert.equal(run.status, 0, run.stderr);
  const [titled, plain, single] = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(titled.title, 'بوتين يستقبل وانغ يي');
  assert.equal(titled.published, '2023-09-21');
  assert.equal(plain.published, '2023-09-20');
  assert.equal(single.published, '2023-09-20');
});

test('stdin that is not JSONL is one article called "stdin"', async () => {
  const run = await marsad(['extract', '-'], { stdin: `${ARTICLE}\n\n${ARTICLE}\n` });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(idsOf(run.stdout), ['stdin']);
});

test('--out writes the file instead of stdout', async () => {
  const out = join(dir, 'out.jsonl');
  const run = await marsad(['extract', '--out', out, join(dir, 'records.jsonl')]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.deepEqual(idsOf(await readFile(out, 'utf8')), ['titled', 'plain']);
});

test('--format text prints a block for each article', async () => {
  const run = await marsad(['extract', '--format', 'text', join(dir, 'records.jsonl'), join(dir, 'single.txt')]);
  assert.equal(run.status, 0, run.stderr);
  for (const id of ['titled', 'plain', 'single']) assert.match(run.stdout, new RegExp(`^${id} — `, 'm'));
});

test('--help works for the program and the command', async () => {
  for (const args of [['--help'], ['extract', '--help'], ['help', 'extract']]) {
    const run = await marsad(args);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /extract/);
  }
});

test('usage errors exit with status 2 and say what is wrong', async () => {
  for (const [args, message] of [
    [['extract', '--bogus'], /unknown option '--bogus'/],
    [['extract', '--published', 'yesterday', '-'], /YYYY-MM-DD/],
    [['extract', '--format', 'xml', '-'], /jsonl, text/],
    [['extrakt'], /Did you mean extract/],
  ] as const) {
    const run = await marsad([...args]);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, message);
    assert.equal(run.stdout, '');
  }
});
