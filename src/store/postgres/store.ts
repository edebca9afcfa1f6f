// The server store: PostgreSQL through a connection pool, for a team's shared database and for
// extraction workers on several machines (src/queue/). Same contract and answers as the SQLite
// store; the parts that differ are in this directory, the rest is shared with it.
import pg from 'pg';
import type { ContractDoc } from '../../extract/types.ts';
import { dayBounds } from '../days.ts';
import { contractOf } from '../rows.ts';
import type { DateRange, EventQuery, IngestDoc, SearchQuery, Store, StoredDoc } from '../types.ts';
import { PgClusters } from './clusters.ts';
import { PgQueries } from './events.ts';
import { migrate } from './migrate.ts';
import { PgReader } from './read.ts';
import { PgSearcher } from './search.ts';
import { createPool } from './sql.ts';
import { PgWriter } from './write.ts';

/** Articles read per round trip by an export. */
const EXPORT_PAGE = 100;

export class PostgresStore implements Store {
  private readonly pool: pg.Pool;
  private readonly clusters: PgClusters;
  private readonly writer: PgWriter;
  private readonly reader: PgReader;
  private readonly searcher: PgSearcher;
  private readonly queries: PgQueries;

  constructor(url: string) {
    this.pool = createPool(url);
    this.clusters = new PgClusters(this.pool);
    this.writer = new PgWriter(this.pool, this.clusters);
    this.reader = new PgReader(this.pool);
    this.searcher = new PgSearcher(this.pool);
    this.queries = new PgQueries(this.pool);
  }

  async migrate() { await migrate(this.pool); }
  async upsert(batch: IngestDoc[]) { return this.writer.upsert(batch); }
  async known(ref: { url?: string | null; hash?: string | null }) { return this.writer.known(ref); }
  async document(id: number): Promise<StoredDoc | null> { return this.reader.byId(id); }
  async documentByKey(key: string): Promise<StoredDoc | null> { return this.reader.byKey(key); }
  async search(query: SearchQuery) { return this.searcher.search(query); }
  async events(query: EventQuery) { return this.queries.events(query); }
  async eventMentions(clusterId: number) { return this.queries.eventMentions(clusterId); }
  async actors(query: DateRange & { limit?: number; country?: string }) { return this.queries.actors(query); }
  async dyad(a: string, b: string, by: 'month' | 'year', range?: DateRange) { return this.queries.dyad(a, b, by, range); }
  async recluster() { return this.clusters.recluster(); }

  /** Reads the ids first, then the articles a page at a time: no transaction stays open and
   *  memory holds one page, whatever the database's size. */
  async *exportDocs(range: DateRange = {}): AsyncIterable<ContractDoc> {
    const { from, to } = dayBounds(range);
    const { rows } = await this.pool.query(`SELECT id FROM documents
      WHERE ($1::text IS NULL OR published >= $1) AND ($2::text IS NULL OR published <= $2)
      ORDER BY published IS NULL, published, id`, [from, to]);
    // Articles are replaced in place, never deleted: every id read is still there.
    for (let i = 0; i < rows.length; i += EXPORT_PAGE) {
      for (const doc of await this.reader.many(rows.slice(i, i + EXPORT_PAGE).map((r: { id: number }) => r.id))) yield contractOf(doc);
    }
  }

  async stats() {
    const { rows: [counts] } = await this.pool.query(`SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS events,
      (SELECT count(*) FROM clusters) AS clusters, (SELECT count(*) FROM statements) AS statements, (SELECT count(*) FROM entities) AS entities`);
    return counts as { documents: number; events: number; clusters: number; statements: number; entities: number };
  }

  async close() { await this.pool.end(); }
}
