// Which database a command uses: `--db`, else MARSAD_DB, else ./marsad.db. A file path is an
// embedded SQLite store; a postgres:// URL will be the server backend.
import { existsSync } from 'node:fs';
import { SqliteStore } from './sqlite/store.ts';
import type { Store } from './types.ts';

export const DEFAULT_DB = './marsad.db';

/** The database named on the command line, in the environment, or the default. */
export const dbTarget = (target?: string) => target || process.env.MARSAD_DB || DEFAULT_DB;

export interface OpenOptions {
  /** Fail when the database does not exist yet instead of creating it (for commands that only read). */
  mustExist?: boolean;
}

/** Opens the store, with its schema brought up to date. */
export async function openStore(target?: string, { mustExist = false }: OpenOptions = {}): Promise<Store> {
  const where = dbTarget(target);
  if (/^postgres(ql)?:\/\//i.test(where)) throw new Error('PostgreSQL databases (postgres:// URLs) are not supported yet: give a SQLite file path');
  if (mustExist && !existsSync(where)) throw new Error(`${where}: no such database (create it with marsad ingest, or name another with --db or MARSAD_DB)`);
  const store = new SqliteStore(where);
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
