// npm run eval [-- --verbose]: extracts the gold articles of ../shared/gold (stripped of their
// gold fields by ../shared/eval/inputs.mjs) and prints ../shared/eval/score.mjs figures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKb } from '../src/kb/load.ts';
import { extractDoc } from '../src/extract/pipeline.ts';
import { readTsv } from '../src/kb/tsv.ts';
import type { RawDoc } from '../src/extract/types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.MARSAD_SHARED ?? join(root, '..', 'shared');
const verbose = process.argv.includes('--verbose');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

if (!existsSync(join(shared, 'eval', 'score.mjs'))) {
  console.log(`eval: ${shared} is absent (it holds the gold articles and the scorer); nothing to evaluate.`);
  process.exit(0);
}
const kb = loadKb();
const floors = readTsv(join(root, 'scripts', 'eval-floors.tsv'));
let belowFloor = false;
const outDir = join(root, 'out');
mkdirSync(outDir, { recursive: true });
for (const set of ['seeds', 'dev']) {
  if (only && only !== set) continue;
  const gold = join(shared, 'gold', `${set}.jsonl`);
  const inputs = execFileSync(process.execPath, [join(shared, 'eval', 'inputs.mjs'), gold], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = inputs.split('\n').filter(Boolean).map((l) => JSON.stringify(extractDoc(JSON.parse(l) as RawDoc, kb)));
  const pred = join(outDir, `${set}.jsonl`);
  writeFileSync(pred, lines.join('\n') + '\n');
  console.log(`\n== ${set} (${lines.length} articles)`);
  const mins = floors.filter((f) => f.set === set).flatMap((f) => ['--min', `${f.figure}=${f.min}`]);
  const args = [join(shared, 'eval', 'score.mjs'), '--gold', gold, '--pred', pred, ...(verbose ? ['--verbose'] : []), ...mins];
  if (!run(args)) belowFloor = true;
}

// Entities in general text: ANERcorp sentences, each extracted as an article with no headline.
const ner = join(shared, 'ner', 'anercorp-train.txt');
if ((!only || only === 'ner') && existsSync(ner)) {
  const docs = execFileSync(process.execPath, [join(shared, 'eval', 'ner.mjs'), 'docs', ner], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = docs.split('\n').filter(Boolean).map((l) => {
    const { id, text } = JSON.parse(l) as { id: string; text: string };
    return JSON.stringify(extractDoc({ id: String(id), text, title: '' }, kb));
  });
  const pred = join(outDir, 'ner.jsonl');
  writeFileSync(pred, lines.join('\n') + '\n');
  console.log(`\n== ner (ANERcorp training portion, ${lines.length} sentences)`);
  run([join(shared, 'eval', 'ner.mjs'), 'score', ner, pred]);
}

/** Runs a scorer; false when it reports a figure below its floor. */
function run(args: string[]): boolean {
  try {
    process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }));
    return true;
  } catch (e) {
    process.stdout.write(String((e as { stdout?: string }).stdout ?? e));
    return false;
  }
}

if (belowFloor) {
  console.log('\neval: a figure fell below its floor in scripts/eval-floors.tsv (the "min:" lines above)');
  process.exitCode = 1;
}
