// npm run golden:update [-- --check]: extracts every examples/*.txt and rewrites
// test/golden/<id>.json, printing for each changed file its event and statement counts and a
// word diff (git diff --no-index) so you can see what changed before you commit; then rewrites
// the examples' exports in test/golden/export/.
// With --check nothing is written: the diffs are printed and the exit status is 1 when any
// golden file is out of date.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKb } from '../src/kb/load.ts';
import type { ContractDoc } from '../src/extract/types.ts';
import { exampleIds, extractExample, goldenDir, goldenIds, goldenPath, serialize } from '../test/support/golden.ts';
import { updateExportGoldens } from '../test/support/export-golden.ts';

const check = process.argv.includes('--check');
const kb = loadKb();
const tmp = mkdtempSync(join(tmpdir(), 'marsad-golden-'));
mkdirSync(join(tmp, 'old'));
mkdirSync(join(tmp, 'new'));
mkdirSync(goldenDir, { recursive: true });

function counts(doc: ContractDoc): string {
  return `${doc.entities.length} entities, ${doc.events.length} events, ${doc.statements.length} statements`;
}

const actorName = (a: { name_en: string | null; name_ar: string }) => a.name_en ?? a.name_ar;

/** One line per event, enough to tell events apart in a summary. */
function eventLine(e: ContractDoc['events'][number]): string {
  const kind = [e.type, e.mode, e.status].filter(Boolean).join('/');
  const who = `${e.actors.map(actorName).join(', ') || '?'}${e.recipients.length ? ` → ${e.recipients.map(actorName).join(', ')}` : ''}`;
  const when = e.date?.value ?? e.date?.text ?? 'undated';
  const where = e.place ? ` in ${e.place.name_en ?? e.place.name_ar}` : '';
  return `${kind} ${who}, ${when}${where}`;
}

/** One line per speaker with the number of statements. */
function speakerLines(doc: ContractDoc): string[] {
  const n = new Map<string, number>();
  for (const s of doc.statements) n.set(actorName(s.speaker), (n.get(actorName(s.speaker)) ?? 0) + 1);
  return [...n].map(([who, k]) => `statements by ${who}: ${k}`);
}

/** Lines of `before` missing from `after` (-) and the reverse (+), counting repeats. */
function listDiff(label: string, before: string[], after: string[]): void {
  const left = [...after];
  const removed = before.filter((line) => {
    const i = left.indexOf(line);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
  for (const line of removed) console.log(`   - ${label}${line}`);
  for (const line of left) console.log(`   + ${label}${line}`);
}

/** git diff between old/<name> and new/<name>, run inside the temp dir so paths read short. */
function gitDiff(name: string, args: string[]): void {
  const run = spawnSync('git', ['diff', '--no-index', ...args, '--', `old/${name}`, `new/${name}`], { cwd: tmp, stdio: 'inherit' });
  if (run.error) console.log(`  (no diff shown: git is not available: ${run.error.message})`);
}

const ids = exampleIds();
let changed = 0;
try {
  for (const id of ids) {
    const path = goldenPath(id);
    const next = serialize(await extractExample(id, kb));
    const prev = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (prev === next) continue;
    changed++;
    const name = `${id}.json`;
    const after = counts(JSON.parse(next) as ContractDoc);
    if (prev === null) {
      console.log(`\n== new: test/golden/${name} (${after})`);
    } else {
      let old: ContractDoc | null = null;
      try { old = JSON.parse(prev) as ContractDoc; } catch { /* shown by the diff */ }
      console.log(`\n== changed: test/golden/${name}\n   before: ${old ? counts(old) : 'unreadable'}\n   after:  ${after}`);
      if (old) {
        const doc = JSON.parse(next) as ContractDoc;
        listDiff('event ', old.events.map(eventLine), doc.events.map(eventLine));
        listDiff('', speakerLines(old), speakerLines(doc));
        if (old.text !== doc.text) console.log('   ~ the cleaned text changed (offsets move with it)');
        if (old.title !== doc.title) console.log(`   ~ title: ${JSON.stringify(old.title)} → ${JSON.stringify(doc.title)}`);
      }
      writeFileSync(join(tmp, 'old', name), prev);
      writeFileSync(join(tmp, 'new', name), next);
      gitDiff(name, ['--stat=100']);
      gitDiff(name, ['--word-diff=plain', '--unified=1']);
    }
    if (!check) writeFileSync(path, next);
  }
  // A golden file whose example is gone would never be checked again.
  for (const id of goldenIds()) {
    if (ids.includes(id)) continue;
    changed++;
    console.log(`\n== stale: test/golden/${id}.json (examples/${id}.txt is gone)${check ? '' : ', removed'}`);
    if (!check) unlinkSync(goldenPath(id));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
// The exports of the examples (test/golden/export/) follow the same extraction.
changed += await updateExportGoldens(check);

const total = `${ids.length} example${ids.length === 1 ? '' : 's'}`;
if (!changed) console.log(`golden: ${total}, all golden files up to date.`);
else if (check) console.log(`\ngolden: ${changed} of ${total} out of date (nothing written; run npm run golden:update to write them).`);
else console.log(`\ngolden: ${changed} file${changed === 1 ? '' : 's'} written for ${total}. Review the diff above, then commit test/golden/.`);
process.exitCode = check && changed ? 1 : 0;
