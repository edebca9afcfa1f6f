// `marsad demo`: the bundled example articles into a database of their own, then what the
// query commands make of it, so a newcomer sees the whole flow with one command. Each step
// is shown with the command line that gives it, to be run again by hand.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { runIngest } from './ingest.ts';
import { DEFAULT_HOST, runServe } from './serve.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/marsad.js', import.meta.url));

const QUERIES = [['events', '--limit', '10'], ['actors', '--limit', '10'], ['search', 'روسيا', '--limit', '3']];

/** `serve` false ends the demo after the queries (tests use it); else the server runs until stopped. */
export interface DemoOptions { db: string; serve: boolean; port: number }

export async function runDemo(options: DemoOptions): Promise<number> {
  const db = ['--db', options.db];
  announce(['ingest', 'examples/', ...db]);
  const status = await runIngest([EXAMPLES], { db: options.db, feed: [], batch: 200 });
  if (status !== 0) return status;
  for (const query of QUERIES) {
    announce([...query, ...db]);
    // The commands themselves, run as a user would run them, print exactly what they print.
    const child = spawn(process.execPath, [BIN, ...query, ...db], { stdio: 'inherit' });
    const [code] = await once(child, 'close');
    if (code !== 0) return code ?? 1;
  }
  if (!options.serve) return 0;
  // The same answers, and more, in the browser.
  announce(['serve', ...db, '--port', String(options.port)]);
  return runServe({ db: options.db, port: options.port, host: DEFAULT_HOST });
}

function announce(args: string[]): void {
  process.stdout.write(`\n$ marsad ${args.join(' ')}\n`);
}
