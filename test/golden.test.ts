// Golden tests: each examples/*.txt, extracted as `marsad extract` reads it, must give exactly
// test/golden/<id>.json; and every output must keep the contract (../shared/contract): the
// keys and enums of doc.schema.json, and offsets that point into its own text.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKb } from '../src/kb/load.ts';
import type { ContractDoc } from '../src/extract/types.ts';
import { exampleIds, extractExample, goldenIds, goldenPath } from './support/golden.ts';

const ids = exampleIds();
const outputs = new Map<string, ContractDoc>();

before(async () => {
  const kb = loadKb();
  for (const id of ids) outputs.set(id, await extractExample(id, kb));
});

const UPDATE_HINT = 'If the change is intended (check the diff below), run `npm run golden:update`, ' +
  'read the summary it prints, and commit test/golden/.';

test('there are examples, and each has a golden file and no golden file lacks its example', () => {
  assert.ok(ids.length > 0, 'no examples/*.txt found');
  const golden = goldenIds();
  assert.deepEqual(golden, ids, `test/golden/ does not match examples/*.txt one for one. ${UPDATE_HINT}`);
});

for (const id of ids) {
  test(`golden: examples/${id}.txt gives test/golden/${id}.json`, () => {
    const path = goldenPath(id);
    assert.ok(existsSync(path), `test/golden/${id}.json is missing. Run \`npm run golden:update\` to create it.`);
    const expected = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    try {
      assert.deepEqual(outputs.get(id), expected);
    } catch (err) {
      // Keep node's own diff (actual = today's extraction, expected = the golden file).
      // The reporter prints the stack, which starts with the message: change both.
      if (err instanceof assert.AssertionError) {
        const diff = err.message;
        err.message = `extraction of examples/${id}.txt no longer matches test/golden/${id}.json. ${UPDATE_HINT}\n\n${diff}\n\n` +
          `(after checking the diff above: npm run golden:update)`;
        if (err.stack?.includes(diff)) err.stack = err.stack.replace(diff, err.message);
      }
      throw err;
    }
  });
}

// ---- offsets -------------------------------------------------------------------------------

test('every evidence, statement and mention offset points into the output text', () => {
  for (const [id, doc] of outputs) {
    const { text } = doc;
    const inBounds = (start: number, end: number) =>
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length;
    doc.events.forEach((e, i) => {
      const { start, end } = e.evidence;
      assert.ok(inBounds(start, end), `${id}: events[${i}].evidence [${start}, ${end}) is outside the text (length ${text.length})`);
      assert.equal(text.slice(start, end), e.evidence.text, `${id}: events[${i}].evidence.text is not text.slice(${start}, ${end})`);
    });
    doc.statements.forEach((s, i) => {
      assert.ok(inBounds(s.start, s.end), `${id}: statements[${i}] [${s.start}, ${s.end}) is outside the text (length ${text.length})`);
      assert.equal(text.slice(s.start, s.end), s.text, `${id}: statements[${i}].text is not text.slice(${s.start}, ${s.end})`);
    });
    doc.entities.forEach((e, i) => {
      assert.ok(e.mentions.length > 0, `${id}: entities[${i}] (${e.name_ar}) has no mentions`);
      for (const m of e.mentions) {
        assert.ok(inBounds(m.start, m.end), `${id}: entities[${i}] (${e.name_ar}) mention [${m.start}, ${m.end}) is outside the text (length ${text.length})`);
      }
    });
  }
});

// ---- contract shape ------------------------------------------------------------------------

type Schema = {
  type?: string | string[]; enum?: unknown[]; required?: string[]; properties?: Record<string, Schema>;
  items?: Schema; $ref?: string; pattern?: string; minLength?: number; minimum?: number; maximum?: number;
  $defs?: Record<string, Schema>;
};

const schemaPath = fileURLToPath(new URL('./fixtures/doc.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Schema & { $comment?: string };

/** Keys the contract README requires beyond the schema's `required` lists: "these must be
 *  present", and an event carries its mode, status, date and place (null when unknown). */
const ALSO_REQUIRED: [string[], string[]][] = [
  [[], ['published']],
  [['properties', 'entities', 'items'], ['name_ar', 'name_en']],
  [['properties', 'events', 'items'], ['mode', 'status', 'date', 'place']],
  [['$defs', 'actor'], ['name_ar', 'name_en', 'country', 'code']],
];

function contractSchema(): Schema {
  const strict = structuredClone(schema) as Schema;
  for (const [path, keys] of ALSO_REQUIRED) {
    const node = path.reduce<Record<string, unknown>>((n, k) => n[k] as Record<string, unknown>, strict as Record<string, unknown>) as Schema;
    node.required = [...new Set([...(node.required ?? []), ...keys])];
  }
  return strict;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The subset of JSON Schema doc.schema.json uses: type, enum, required, properties, items,
 *  $ref into $defs, pattern, minLength, minimum, maximum. Returns one message per problem. */
function validate(value: unknown, node: Schema, root: Schema, at = '$'): string[] {
  if (node.$ref) {
    const name = node.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    if (!target) return [`${at}: unknown $ref ${node.$ref}`];
    return validate(value, target, root, at);
  }
  const problems: string[] = [];
  const actual = typeOf(value);
  if (node.type) {
    const allowed = Array.isArray(node.type) ? node.type : [node.type];
    const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    if (!ok) return [`${at}: expected ${allowed.join(' or ')}, got ${actual}`];
  }
  if (node.enum && !node.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(node.enum)}`);
  if (typeof value === 'string') {
    if (node.minLength !== undefined && value.length < node.minLength) problems.push(`${at}: shorter than ${node.minLength}`);
    if (node.pattern && !new RegExp(node.pattern, 'u').test(value)) problems.push(`${at}: ${JSON.stringify(value)} does not match ${node.pattern}`);
  }
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) problems.push(`${at}: ${value} is below ${node.minimum}`);
    if (node.maximum !== undefined && value > node.maximum) problems.push(`${at}: ${value} is above ${node.maximum}`);
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (!(key in obj)) problems.push(`${at}: missing required key "${key}"`);
    for (const [key, sub] of Object.entries(node.properties ?? {})) {
      if (key in obj) problems.push(...validate(obj[key], sub, root, `${at}.${key}`));
    }
  }
  if (actual === 'array' && node.items) {
    (value as unknown[]).forEach((item, i) => problems.push(...validate(item, node.items!, root, `${at}[${i}]`)));
  }
  return problems;
}

test('every output has the contract keys and enums (test/fixtures/doc.schema.json)', () => {
  const strict = contractSchema();
  for (const [id, doc] of outputs) {
    assert.deepEqual(validate(doc, strict, strict), [], `${id} breaks the contract`);
  }
});

test('the schema validator reports missing keys, wrong types and values outside an enum', () => {
  const strict = contractSchema();
  const [doc] = outputs.values();
  const broken = structuredClone(doc) as unknown as Record<string, unknown>;
  delete broken.published;
  broken.title = 3;
  broken.events = [{ type: 'MEET', mode: null, status: 'done', actors: [{ kind: 'person' }], recipients: [], date: null, place: null, evidence: { start: -1, end: 2, text: '' } }];
  const problems = validate(broken, strict, strict);
  for (const expected of [
    '$: missing required key "published"',
    '$.title: expected string or null, got integer',
    '$.events[0].type: "MEET" is not one of',
    '$.events[0].status: "done" is not one of',
    '$.events[0].actors[0]: missing required key "name_ar"',
    '$.events[0].evidence.start: -1 is below 0',
  ]) {
    assert.ok(problems.some((p) => p.startsWith(expected)), `expected a problem starting ${expected}; got:\n${problems.join('\n')}`);
  }
});

test('test/fixtures/doc.schema.json is still a copy of ../shared/contract/doc.schema.json', (t) => {
  const original = fileURLToPath(new URL('../../shared/contract/doc.schema.json', import.meta.url));
  if (!existsSync(original)) {
    t.skip('../shared is not beside this checkout');
    return;
  }
  const { $comment, ...copy } = schema;
  assert.ok($comment?.includes('Copied from ../shared/contract/doc.schema.json'), 'the copy lost its note of origin');
  assert.deepEqual(copy, JSON.parse(readFileSync(original, 'utf8')),
    'the contract schema changed: copy ../shared/contract/doc.schema.json to test/fixtures/ (keep its $comment)');
});
