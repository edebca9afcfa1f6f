// Brings a database up to the newest schema, one migration per transaction, so a database is
// always at some released version and running this again changes nothing.
import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './schema.ts';

export function migrate(db: Database, migrations: Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const newest = db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck();
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  if ((newest.get() as number) > latest) throw new Error(`the database has schema version ${newest.get()}, newer than this Marsad knows (${latest}): upgrade Marsad`);
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    // Checked inside the write lock: another process may be migrating the same file.
    db.transaction(() => {
      if (isApplied.get(m.version)) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      done.push(m.version);
    }).immediate();
  }
  return done;
}
