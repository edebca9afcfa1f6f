import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressMeter } from '../src/cli/progress.ts';

test('progress stays quiet for small runs and reports now and then for large ones', () => {
  let clock = 0;
  const lines: string[] = [];
  const progress = progressMeter((line) => lines.push(line), { after: 200, everyMs: 2000, now: () => clock });
  for (let i = 0; i < 1001; i++) {
    clock += 10;
    progress.tick();
  }
  progress.done();
  assert.deepEqual(lines, ['marsad: 200 articles, 100/s', 'marsad: 400 articles, 100/s', 'marsad: 600 articles, 100/s', 'marsad: 800 articles, 100/s', 'marsad: 1000 articles, 100/s', 'marsad: 1001 articles, 100/s']);

  const quiet: string[] = [];
  const small = progressMeter((line) => quiet.push(line), { now: () => (clock += 5000) });
  for (let i = 0; i < 199; i++) small.tick();
  small.done();
  assert.deepEqual(quiet, []);
});
