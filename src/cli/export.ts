// `marsad export`: every stored article (or those published in a date range), oldest first, as
// contract JSONL, CSV or GDELT-style TSV.
import { exportChunks, type ExportFormat } from '../export/format.ts';
import { reasonOf } from '../ingest/items.ts';
import { openStore } from '../store/open.ts';
import { openOutput } from './output.ts';

export interface ExportOptions {
  format: ExportFormat;
  db?: string;
  from?: string;
  to?: string;
  out?: string;
}

/** A failure with the name of what failed: the database or the output. */
class Failure extends Error {
  constructor(readonly where: string, err: unknown) { super(reasonOf(err), { cause: err }); }
}

async function at<T>(where: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof Failure ? err : new Failure(where, err);
  }
}

/** Resolves to the exit status: 0, or 1 when the database or the output failed. */
export async function runExport(options: ExportOptions): Promise<number> {
  const dbName = options.db ?? 'database';
  const outName = options.out ?? 'stdout';
  try {
    const store = await at(dbName, () => openStore(options.db, { mustExist: true }));
    try {
      const output = await at(outName, () => openOutput(options.out));
      const chunks = exportChunks(store.exportDocs({ from: options.from, to: options.to }), options.format);
      for (;;) {
        const next = await at(dbName, () => chunks.next());
        if (next.done) break;
        await at(outName, () => output.write(next.value));
      }
      await at(outName, () => output.close());
    } finally {
      await store.close();
    }
  } catch (err) {
    const cause = err instanceof Failure ? err.cause : err;
    // A reader that stops early (`marsad export | head`) has all it wanted.
    if ((cause as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    const where = err instanceof Failure ? err.where : dbName;
    const message = err instanceof Error ? err.message : String(err);
    // The store names the database in some messages already.
    process.stderr.write(`marsad: ${message.startsWith(where) ? message : `${where}: ${message}`}\n`);
    return 1;
  }
  return 0;
}
