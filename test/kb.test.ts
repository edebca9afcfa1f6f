// The knowledge files are reviewed by people: this checks what a reviewer cannot see at a glance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTsv, values, type Row } from '../src/kb/tsv.ts';
import { nameKey } from '../src/kb/normalize.ts';
import { loadKb } from '../src/kb/load.ts';

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const read = (file: string): Row[] => parseTsv(readFileSync(join(dataDir, file), 'utf8'), file);
const countries = read('gazetteer/countries.tsv');
const iso3 = new Set(countries.map((r) => r.iso3));
const stopwords = new Set(read('lexicon/stopwords.tsv').map((r) => nameKey(r.word)));
const EVENT_TYPES = new Set(['CONSULT', 'AGREE', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);

function dataFiles(dir = dataDir, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? dataFiles(join(dir, d.name), `${prefix}${d.name}/`) : d.name.endsWith('.tsv') ? [`${prefix}${d.name}`] : []);
}

function duplicates(keys: string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
}

test('every data file parses, has no presentation-form letters and no stray spaces', () => {
  for (const file of dataFiles()) {
    const text = readFileSync(join(dataDir, file), 'utf8');
    assert.doesNotMatch(text, /[\uFB50-\uFDFF\uFE70-\uFEFF]/, `${file} has Arabic presentation forms`);
    const rows = read(file);
    assert.ok(rows.length > 0, `${file} is empty`);
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
      for (const cell of line.split('\t')) assert.equal(cell, cell.trim(), `${file}: stray space in "${line}"`);
    }
  }
});

test('countries: valid unique ISO3 codes and names that no other country uses', () => {
  assert.ok(countries.length >= 190);
  for (const r of countries) assert.match(r.iso3, /^[A-Z]{3}$/);
  assert.deepEqual(duplicates(countries.map((r) => r.iso3)), []);
  const forms = countries.flatMap((r) => [...values(r.names_ar), ...values(r.adjectives_ar)].map((v) => `${nameKey(v)}`));
  assert.deepEqual(duplicates(forms), []);
});

test('places and people name valid countries; orgs have unique codes', () => {
  for (const r of read('gazetteer/places.tsv')) assert.ok(iso3.has(r.country), `place ${r.name_en}: ${r.country}`);
  for (const r of read('actors/people.tsv')) assert.ok(!r.country || iso3.has(r.country), `person ${r.id}: ${r.country}`);
  const orgs = read('gazetteer/orgs.tsv');
  assert.deepEqual(duplicates(orgs.map((r) => r.code)), []);
  for (const code of ['UN', 'UNSC', 'SCO', 'BRICS', 'EAEU', 'BRI', 'ASEAN', 'G20', 'EU', 'NATO', 'ARAB_LEAGUE', 'GCC', 'P5+1']) {
    assert.ok(orgs.some((r) => r.code === code), `org ${code} missing`);
  }
});

test('people: dated roles are well formed and not repeated', () => {
  const rows = read('actors/people.tsv');
  assert.ok(rows.length >= 300);
  for (const r of rows) {
    assert.match(r.from, /^\d{4}(-\d{2}(-\d{2})?)?$/, `${r.id} from`);
    assert.match(r.to, /^(\d{4}(-\d{2}(-\d{2})?)?)?$/, `${r.id} to`);
    assert.ok(!r.to || r.from.slice(0, r.to.length) <= r.to, `${r.id}: ${r.from} after ${r.to}`);
  }
  assert.deepEqual(duplicates(rows.map((r) => `${r.id}|${r.role}|${r.from}`)), []);
  const owner = new Map<string, string>();
  for (const r of rows) for (const n of values(r.names_ar)) {
    const k = nameKey(n);
    assert.ok(!owner.has(k) || owner.get(k) === r.id, `"${n}" names both ${owner.get(k)} and ${r.id}`);
    owner.set(k, r.id);
  }
});

test('no name, place or organisation entry is a common word', () => {
  const named = [
    ...countries.flatMap((r) => [...values(r.names_ar), ...values(r.adjectives_ar), ...values(r.capital_ar)]),
    ...read('gazetteer/places.tsv').flatMap((r) => values(r.names_ar)),
    ...read('gazetteer/orgs.tsv').flatMap((r) => values(r.names_ar)),
    ...read('actors/people.tsv').flatMap((r) => values(r.names_ar)),
  ];
  assert.deepEqual(named.filter((n) => stopwords.has(nameKey(n))), []);
});

test('lexicons: event types are PLOVER types, each phrase listed once', () => {
  const events = read('lexicon/events.tsv');
  for (const r of events) assert.ok(EVENT_TYPES.has(r.type), `${r.trigger_ar}: ${r.type}`);
  for (const [file, col] of [['lexicon/events.tsv', 'trigger_ar'], ['lexicon/reporting.tsv', 'phrase_ar'], ['lexicon/dates.tsv', 'phrase_ar'], ['lexicon/titles.tsv', 'title_ar'], ['lexicon/stopwords.tsv', 'word']] as const) {
    assert.deepEqual(duplicates(read(file).map((r) => nameKey(r[col]))), [], file);
  }
});

test('the knowledge base loads into lookup structures', () => {
  const kb = loadKb();
  assert.ok(kb.countries.get('RUS'));
  assert.ok(kb.orgs.get('SCO'));
  assert.ok(kb.names.size > 1000);
});

test('role families cover the offices people hold', () => {
  const families = read('lexicon/roles.tsv');
  assert.deepEqual(duplicates(families.map((r) => r.role_en.toLowerCase())), []);
  const roles = new Set(read('actors/people.tsv').map((r) => r.role.toLowerCase()));
  for (const r of families.filter((f) => ['foreign affairs', 'head of state', 'head of government'].includes(f.family))) {
    assert.ok(roles.has(r.role_en.toLowerCase()) || read('lexicon/titles.tsv').some((t) => t.role_en.toLowerCase() === r.role_en.toLowerCase()), `${r.role_en} is held by nobody`);
  }
});
