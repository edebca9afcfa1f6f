// The inputs of the corpus scripts (bench, cluster:eval): files named on the command line, or
// every .jsonl.gz of ../shared/corpus, an optional --limit N and any other numeric options a
// script names.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusArgs { files: string[]; limit: number; flags: string[]; numbers: Map<string, number> }

/** The corpus files, limit and the values of the `numeric` options given (`--rounds 3`); exits
 *  with a message when there is nothing to read. */
export function corpusArgs(script: string, numeric: string[] = [], argv = process.argv.slice(2)): CorpusArgs {
  const numbers = new Map<string, number>();
  const values = new Set<number>();
  for (const name of ['--limit', ...numeric]) {
    const at = argv.indexOf(name);
    if (at < 0) continue;
    numbers.set(name, Number(argv[at + 1]));
    values.add(at + 1);
  }
  const limit = numbers.get('--limit') ?? Infinity;
  const flags = argv.filter((a) => a.startsWith('--'));
  let files = argv.filter((a, i) => !a.startsWith('--') && !values.has(i));
  if (!files.length) {
    const corpus = join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'corpus');
    if (!existsSync(corpus)) { console.log(`${script}: no input given and ${corpus} is absent; nothing to measure.`); process.exit(0); }
    files = readdirSync(corpus).filter((f) => f.endsWith('.jsonl.gz')).sort().map((f) => join(corpus, f));
  }
  return { files, limit, flags, numbers };
}
