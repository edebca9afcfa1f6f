// `marsad migrate --from marsad.db --to postgres://…`: a SQLite database copied into PostgreSQL,
// article by article in the contract form (as `export` reads them), stored in batches as an
// ingest stores them, then clustered. Run again, it finds every article unchanged: a migration
// that stopped half-way is completed by running it again.
import type { Command } from 'commander';
import type { IngestDoc } from '../store/types.ts';

export interface MigrateCommandContext {
  positiveInteger(value: string): number;
  setStatus(status: number): void;
}

export interface MigrateOptions { from: string; to: string; batch: number }

export function addMigrateCommand(program: Command, { positiveInteger, setStatus }: MigrateCommandContext): void {
  program
    .command('migrate')
    .description('Copy a SQLite database into a PostgreSQL one; articles copied already are left as they are')
    .requiredOption('--from <file>', 'the SQLite database file')
    .requiredOption('--to <url>', 'the PostgreSQL database, as a postgres:// URL')
    .option('--batch <n>', 'articles per transaction', positiveInteger, 200)
    .action(async (options: MigrateOptions) => setStatus(await runMigrate(options)));
}

export async function runMigrate(options: MigrateOptions): Promise<number> {
  const [{ openStore, isDatabaseUrl, targetName }, { contentHash }, { summaryLine, noCounts }] = await Promise.all([
    import('../store/open.ts'), import('./ingest-run.ts'), import('./ingest-progress.ts'),
  ]);
  if (isDatabaseUrl(options.from) || !isDatabaseUrl(options.to)) {
    process.stderr.write('marsad: migrate: --from takes a SQLite file and --to a postgres:// URL\n');
    return 1;
  }
  const started = performance.now();
  const counts = noCounts();
  try {
    const from = await openStore(options.from, { mustExist: true });
    try {
      const to = await openStore(options.to);
      try {
        let batch: IngestDoc[] = [];
        const commit = async () => {
          for (const r of batch.length ? await to.upsert(batch) : []) {
            counts[r.status]++;
            if (r.status !== 'unchanged') counts.events += r.events;
          }
          batch = [];
        };
        for await (const doc of from.exportDocs()) {
          counts.read++;
          batch.push({ doc, hash: contentHash(doc.text), source: doc.source ?? null, url: doc.url ?? null });
          if (batch.length >= options.batch) await commit();
        }
        await commit();
        await to.recluster();
      } finally {
        await to.close();
      }
    } finally {
      await from.close();
    }
  } catch (err) {
    process.stderr.write(`marsad: migrate: ${err instanceof Error ? err.message : String(err)} (${targetName(options.to)})\n`);
    return 1;
  }
  process.stdout.write(`${summaryLine(counts, (performance.now() - started) / 1000)}\n`);
  return 0;
}
