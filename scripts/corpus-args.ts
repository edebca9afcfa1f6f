// The inputs of the corpus scripts (bench, cluster:eval): files named on the command line, or
// every .jsonl.gz of ../shared/corpus, and an optional --limit N.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusArgs { files: string[]; limit: number; flags: string[] }

/** The corpus files and limit; exits with a message when there is nothing to read. */
export function corpusArgs(script: string, argv = process.argv.slice(2)): CorpusArgs {
  const limitAt = argv.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : Infinity;
  const flags = argv.filter((a) => a.startsWith('--'));
  let files = argv.filter((a, i) => !a.startsWith('--') && (limitAt < 0 || i !== limitAt + 1));
  if (!files.length) {
    const corpus = join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'corpus');
    if (!existsSync(corpus)) { console.log(`${script}: no input given and ${corpus} is absent; nothing to measure.`); process.exit(0); }
    files = readdirSync(corpus).filter((f) => f.endsWith('.jsonl.gz')).sort().map((f) => join(corpus, f));
  }
  return { files, limit, flags };
}
