// Queries whose text depends on the filters given: each variant is prepared once and reused.
import type { Database, Statement } from 'better-sqlite3';

export function statementCache(db: Database): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
}
