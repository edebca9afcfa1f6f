// Talking to PostgreSQL: a connection pool whose numbers come back as numbers, transactions,
// and the named @parameters the shared queries use (../queries.ts) turned into $1, $2….
import pg from 'pg';

export type Db = pg.Pool | pg.PoolClient;

const INT8 = 20;

/** Ids and counts are bigint, which node-postgres returns as strings to be safe beyond 2^53;
 *  no Marsad table comes near that, and the Store contract speaks numbers. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return Number;
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Connections a store keeps open: queries of one command run a few at a time at most. */
const POOL_SIZE = 4;

export function createPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types, connectionTimeoutMillis: 15_000, idleTimeoutMillis: 30_000, application_name: 'marsad' });
  // A pooled connection the server closes while idle is reported here; the pool replaces it
  // on next use, and a query on a dead connection fails on its own.
  pool.on('error', () => {});
  return pool;
}

/** `work` in one transaction on one connection: committed when it resolves, rolled back when
 *  it throws. */
export async function transaction<T>(pool: pg.Pool, work: (db: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** `@name` parameters as PostgreSQL's `$n`, each name one number however often it appears. */
export function named(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const names: string[] = [];
  const text = sql.replace(/@(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for @${name}`);
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return { text, values: names.map((n) => params[n]) };
}

/** Rows of a query with named parameters. */
export async function rowsOf<R>(db: Db, sql: string, params: Record<string, unknown> = {}): Promise<R[]> {
  return (await db.query(named(sql, params))).rows as R[];
}

/** Rows handed to a statement as one JSON parameter (jsonb_to_recordset): a whole batch in one
 *  round trip, whatever its size. */
export const jsonRows = (rows: object[]) => JSON.stringify(rows);

/** Transaction-wide locks (pg_advisory_xact_lock) that keep concurrent writers apart. */
export const LOCKS = {
  /** schema migrations: one process migrates, the others wait and find nothing to do */
  migrate: 7_301_001,
  /** cluster membership: reclustering, and upserts that replace reported events */
  clusters: 7_301_002,
  /** the queue's extra index (../../queue/boss.ts): one process creates it */
  queueIndex: 7_301_003,
} as const;
