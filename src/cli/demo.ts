// `marsad demo`: the bundled example articles into a database of their own, then what the
// query commands make of them, so a newcomer sees the whole flow with one command.
import { fileURLToPath } from 'node:url';
import { runIngest } from './ingest.ts';
import { openOrReport } from './ingest.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

export async function runDemo(options: { db: string }): Promise<number> {
  process.stdout.write(`$ marsad ingest examples/ --db ${options.db}\n`);
  const status = await runIngest([EXAMPLES], { db: options.db, feed: [], batch: 200 });
  if (status !== 0) return status;
  const store = await openOrReport(options.db);
  if (!store) return 1;
  try {
    const stats = await store.stats();
    process.stdout.write(`\n${options.db}: ${stats.documents} articles, ${stats.events} events in ${stats.clusters} clusters, ${stats.statements} statements, ${stats.entities} entities\n`);
  } finally {
    await store.close();
  }
  return 0;
}
