// Brings a database up to the newest schema. Workers starting together all call this: the
// first takes the lock and migrates, the others then find every version applied.
import type pg from 'pg';
import { LOCKS, transaction } from './sql.ts';
import { MIGRATIONS, type Migration } from './schema.ts';

export async function migrate(pool: pg.Pool, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return transaction(pool, async (db) => {
    await db.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrate]);
    await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`);
    const applied = new Set((await db.query('SELECT version FROM schema_migrations')).rows.map((r: { version: number }) => r.version));
    const latest = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...applied);
    if (newest > latest) throw new Error(`the database has schema version ${newest}, newer than this Marsad knows (${latest}): upgrade Marsad`);
    const done: number[] = [];
    // All in one transaction: DDL is transactional in PostgreSQL, so a failed migration leaves
    // the database at the version it had.
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await db.query(m.sql);
      await db.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
      done.push(m.version);
    }
    return done;
  });
}
