import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CAMEO_FILE, cameoOf, quadClassOf } from '../src/export/cameo.ts';
import { csvField } from '../src/export/csv.ts';
import { EXPORT_FORMATS } from '../src/export/format.ts';
import { GDELT_COLUMNS } from '../src/export/gdelt.ts';
import type { EventType } from '../src/extract/types.ts';
import { readTsv } from '../src/kb/tsv.ts';
import { examplesDb, exportExamples, exportGoldenPath } from './support/export-golden.ts';

const TYPES: EventType[] = ['CONSULT', 'AGREE', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

describe('export golden files', async () => {
  const actual = await exportExamples();
  for (const format of EXPORT_FORMATS) {
    it(`${format} matches ${exportGoldenPath(format).replace(/.*test\//, 'test/')} (npm run golden:update rewrites it)`, () => {
      assert.equal(actual[format], readFileSync(exportGoldenPath(format), 'utf8'));
    });
  }

  it('csv starts with a byte-order mark and ends every row with CRLF', () => {
    assert.ok(actual.csv.startsWith('\uFEFFdoc_id,'));
    assert.doesNotMatch(actual.csv.replace(/"[^"]*"/g, ''), /[^\r]\n/);
  });

  it('gdelt rows have the 61 GDELT 2.0 columns and the evidence', () => {
    assert.equal(GDELT_COLUMNS.length, 62);
    for (const line of actual.gdelt.trimEnd().split('\n')) assert.equal(line.split('\t').length, 62, line);
  });
});

describe('csv fields', () => {
  it('quotes commas, quotes and line breaks only', () => {
    assert.equal(csvField('بوتين'), 'بوتين');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('قال "نعم"'), '"قال ""نعم"""');
    assert.equal(csvField('a\nb'), '"a\nb"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(0.9), '0.9');
  });
});

describe('CAMEO table', () => {
  const rows = readTsv(CAMEO_FILE);

  it('gives every PLOVER type a code', () => {
    for (const type of TYPES) assert.ok(cameoOf({ type, mode: null, status: null }), type);
    for (const r of rows) assert.ok(TYPES.includes(r.type as EventType), `unknown type ${r.type}`);
  });

  it('has Goldstein scores within the scale and a reason on every row', () => {
    for (const r of rows) {
      assert.ok(Math.abs(Number(r.goldstein)) <= 10, `${r.cameo}: ${r.goldstein}`);
      assert.ok(r.label && r.why, `${r.cameo} needs a label and a why`);
    }
  });

  it('codes meetings by mode and status', () => {
    const code = (mode: string | null, status: string | null) => cameoOf({ type: 'CONSULT', mode: mode as never, status: status as never })?.code;
    assert.equal(code('phone', 'held'), '041');
    assert.equal(code('visit', 'held'), '042');
    assert.equal(code('third-party', null), '044');
    assert.equal(code('multilateral', 'held'), '040');
    assert.equal(code(null, null), '040');
    assert.equal(code('phone', 'planned'), '036');
  });

  it('derives quad classes from root codes', () => {
    assert.deepEqual(['04', '06', '11', '18'].map(quadClassOf), [1, 2, 3, 4]);
    assert.equal(cameoOf({ type: 'ASSAULT', mode: null, status: null })?.quad, 4);
    assert.equal(cameoOf({ type: 'ACCUSE', mode: null, status: null })?.quad, 3);
  });
});

describe('marsad export', () => {
  const bin = fileURLToPath(new URL('../bin/marsad.js', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'marsad-export-cli-'));
  const db = join(dir, 'examples.db');
  const marsad = (...args: string[]) => spawnSync(process.execPath, [bin, 'export', ...args], { encoding: 'utf8', env: { ...process.env, MARSAD_DB: '' } });
  before(() => examplesDb(db));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each format to standard output or a file', () => {
    const csv = marsad('--db', db, '--format', 'csv');
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(csv.stdout, readFileSync(exportGoldenPath('csv'), 'utf8'));
    const out = join(dir, 'events.tsv');
    const gdelt = marsad('--db', db, '--format', 'gdelt', '--out', out);
    assert.equal(gdelt.status, 0, gdelt.stderr);
    assert.equal(readFileSync(out, 'utf8'), readFileSync(exportGoldenPath('gdelt'), 'utf8'));
  });

  it('keeps to the date range (the examples carry no publication date)', () => {
    const run = marsad('--db', db, '--from', '2020', '--to', '2020-12');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
  });

  it('names a missing database and a bad option', () => {
    const missing = marsad('--db', join(dir, 'none.db'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /none\.db: no such database/);
    assert.equal(marsad('--db', db, '--format', 'xml').status, 2);
    assert.equal(marsad('--db', db, '--from', '5 May').status, 2);
  });
});
