// Which database a command uses: `--db`, else MARSAD_DB, else MARSAD_DATABASE_URL, else
// ./marsad.db. A file path is an embedded SQLite store; a postgres:// URL the server backend.
import { existsSync } from 'node:fs';
import { SqliteStore } from './sqlite/store.ts';
import type { Store } from './types.ts';

export const DEFAULT_DB = './marsad.db';

/** The database named on the command line, in the environment, or the default. */
export const dbTarget = (target?: string) => target || process.env.MARSAD_DB || process.env.MARSAD_DATABASE_URL || DEFAULT_DB;

export const isDatabaseUrl = (target: string) => /^postgres(ql)?:\/\//i.test(target);

/** The target as messages may show it: a URL without its password. */
export function targetName(target: string): string {
  if (!isDatabaseUrl(target)) return target;
  try {
    const url = new URL(target);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}

/** A file that belongs with the database (a feed's fetch state): next to a SQLite file, or in
 *  the current directory, named after the server and database, for a PostgreSQL URL. */
export function besideDatabase(target: string, suffix: string): string {
  if (!isDatabaseUrl(target)) return `${target}${suffix}`;
  const url = new URL(target);
  return `marsad-${`${url.hostname}-${url.port || '5432'}${url.pathname}`.replace(/[^\w.-]+/g, '-')}${suffix}`;
}

export interface OpenOptions {
  /** Fail when the database does not exist yet instead of creating it (for commands that only read). */
  mustExist?: boolean;
}

/** Opens the store, with its schema brought up to date. */
export async function openStore(target?: string, { mustExist = false }: OpenOptions = {}): Promise<Store> {
  const where = dbTarget(target);
  if (mustExist && !isDatabaseUrl(where) && !existsSync(where)) throw new Error(`${where}: no such database (create it with marsad ingest, or name another with --db or MARSAD_DB)`);
  // Loaded on use: a SQLite user never loads the PostgreSQL client.
  const store = isDatabaseUrl(where) ? new (await import('./postgres/store.ts')).PostgresStore(where) : new SqliteStore(where);
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
