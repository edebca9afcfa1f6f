// `marsad search`, `events`, `actors` and `dyad` run as a user runs them, on a database filled
// with the hand-made articles of test/support/articles.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open.ts';
import { ARTICLES, ingestDoc } from './support/articles.ts';
import { marsad } from './support/marsad-cli.ts';

let dir = '';
let db = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marsad-query-'));
  db = join(dir, 'test.db');
  const store = await openStore(db);
  await store.upsert(ARTICLES.map(ingestDoc));
  await store.recluster();
  await store.close();
});
after(() => rm(dir, { recursive: true, force: true }));

const lines = (s: string) => s.trimEnd().split('\n');
const jsonl = (s: string) => lines(s).map((l) => JSON.parse(l) as Record<string, unknown>);

test('search: a table of hits, each with its snippet; spelling variants match', async () => {
  const run = await marsad(['search', 'سيرجي', 'لافروف', '--db', db]);
  assert.equal(run.status, 0, run.stderr);
  const [header, rule, ...rest] = lines(run.stdout);
  assert.match(header, /^published\s+source\s+id\s+title$/);
  assert.match(rule, /^─+/);
  assert.equal(rest.length, 4, 'two hits, each with its snippet line');
  assert.match(run.stdout, /xinhua-7/);
  assert.match(run.stdout, /«سيرغي لافروف»/);
  assert.match(run.stdout, /«سيرجي لافروف»/);
});

test('search: jsonl and csv for programs, with the filters applied', async () => {
  const json = await marsad(['search', 'الروسية', '--from', '2023-06', '--format', 'jsonl', '--db', db]);
  assert.equal(json.status, 0, json.stderr);
  assert.deepEqual(jsonl(json.stdout).map((h) => h.key).sort(), ['ria-2', 'sana-3']);
  const csv = await marsad(['search', 'روسيا', '--source', 'sana', '--format', 'csv', '--db', db]);
  const [head, row] = lines(csv.stdout.replaceAll('\r', ''));
  assert.equal(head, 'score,published,source,id,title,url,snippet');
  assert.match(row, /^[\d.]+,2023-06-10,sana,sana-3,روسيا تؤكد دعمها لسوريا,,أكدت «روسيا» دعمها لسوريا في مواجهة الإرهاب\.$/);
  const none = await marsad(['search', 'كوريا', '--db', db]);
  assert.equal(none.stdout, '(no articles match)\n');
});

test('events: each real event once, with reports and sources; dyad and type filters', async () => {
  const run = await marsad(['events', '--country', 'rus', '--with', 'CHN', '--db', db]);
  assert.equal(run.status, 0, run.stderr);
  const [header, , ...rows] = lines(run.stdout);
  assert.match(header, /^id\s+date\s+type\s+mode\s+status\s+actors\s+recipients\s+place\s+reports\s+sources$/);
  assert.equal(rows.length, 2);
  assert.match(rows[0], /2023-07-01\s+CONSULT\s+phone\s+held\s+Vladimir Putin \(RUS\), Xi Jinping \(CHN\)/);
  assert.match(rows[1], /2023-05-04\s+CONSULT\s+third-party\s+held\s+Sergey Lavrov \(RUS\), Qin Gang \(CHN\)\s+Goa\s+2\s+2$/);
  const accusations = await marsad(['events', '--type', 'accuse', '--format', 'jsonl', '--db', db]);
  const [accusation] = jsonl(accusations.stdout);
  assert.equal(accusation.docKey, 'spa-9');
  assert.deepEqual(accusation.recipients, [{ kind: 'country', name_ar: 'الولايات المتحدة', name_en: 'United States', country: 'USA', code: 'USA' }]);
  const byName = await marsad(['events', '--actor', 'لافروف', '--format', 'csv', '--db', db]);
  assert.equal(lines(byName.stdout).length, 2);
  assert.match(lines(byName.stdout)[0], /^id,date,type,mode,status,actors,recipients,place,reports,sources,doc,url,evidence/);
});

test('events: pages continue with the cursor printed on standard error', async () => {
  const first = await marsad(['events', '--limit', '3', '--format', 'jsonl', '--db', db]);
  const cursor = /--after (\S+)/.exec(first.stderr)?.[1];
  assert.ok(cursor, first.stderr);
  const second = await marsad(['events', '--limit', '3', '--after', cursor, '--format', 'jsonl', '--db', db]);
  assert.equal(second.stderr, '');
  assert.deepEqual([...jsonl(first.stdout), ...jsonl(second.stdout)].map((c) => c.docKey), ['spa-9', 'ria-2', 'sana-3', 'tass-1']);
});

test('actors and dyad', async () => {
  const actors = await marsad(['actors', '--country', 'RUS', '--db', db]);
  assert.equal(actors.status, 0, actors.stderr);
  assert.match(actors.stdout, /^Sergey Lavrov\s+سيرغي لافروف\s+person\s+RUS\s+foreign minister\s+1\s+2$/m);
  assert.doesNotMatch(actors.stdout, /Qin Gang/);
  const dyad = await marsad(['dyad', 'CHN', 'RUS', '--by', 'year', '--db', db]);
  assert.equal(dyad.status, 0, dyad.stderr);
  assert.deepEqual(lines(dyad.stdout).filter((l) => /^\d/.test(l)), ['2023    CONSULT       2            2            0']);
  assert.match(dyad.stdout, /CHN–RUS: 2 events, 100% cooperative, 0% conflictual/);
  const csv = await marsad(['dyad', 'CHN', 'USA', '--format', 'csv', '--db', db]);
  assert.equal(csv.stdout, 'period,type,events,cooperative,conflictual\r\n2024-01,ACCUSE,1,0,1\r\n');
});

test('the database comes from --db, else MARSAD_DB; a missing one is an error, a bad option a usage error', async () => {
  const fromEnv = await marsad(['actors', '--limit', '1', '--format', 'jsonl'], { env: { MARSAD_DB: db } });
  assert.equal(fromEnv.status, 0, fromEnv.stderr);
  assert.equal(jsonl(fromEnv.stdout).length, 1);
  const missing = await marsad(['events', '--db', join(dir, 'none.db')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^marsad: .*none\.db: no such database/);
  const badType = await marsad(['events', '--type', 'MEET', '--db', db]);
  assert.equal(badType.status, 2);
  assert.match(badType.stderr, /expected one of CONSULT, AGREE/);
  const badDate = await marsad(['search', 'x', '--from', '21/09/2023', '--db', db]);
  assert.equal(badDate.status, 2);
  const badCountry = await marsad(['dyad', 'CHINA', 'RUS', '--db', db]);
  assert.equal(badCountry.status, 2);
});

test('--help describes every query command', async () => {
  for (const command of ['search', 'events', 'actors', 'dyad']) {
    const run = await marsad([command, '--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, new RegExp(`Usage: marsad ${command}`));
    assert.match(run.stdout, /--db <file>/);
    assert.match(run.stdout, /--format <format>/);
  }
});
