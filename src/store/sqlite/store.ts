// The embedded store: one SQLite file in WAL mode, so queries keep answering while an ingest
// writes. better-sqlite3 is synchronous; the async methods only give it the Store's shape.
import Database from 'better-sqlite3';
import type { ContractDoc } from '../../extract/types.ts';
import { dayBounds } from '../days.ts';
import type { DateRange, EventQuery, IngestDoc, SearchQuery, Store, StoredDoc } from '../types.ts';
import { Activity } from './activity.ts';
import { ClusterTable } from './clusters.ts';
import { EventQueries } from './events.ts';
import { migrate } from './migrate.ts';
import { DocReader } from './read.ts';
import { Searcher } from './search.ts';
import { DocWriter } from './write.ts';

/** How long a statement waits for another process's write to finish before failing. */
const BUSY_TIMEOUT_MS = 10_000;

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  // Built on first use: they prepare statements, which needs the migrated schema.
  private parts: { writer: DocWriter; reader: DocReader; clusters: ClusterTable; searcher: Searcher; events: EventQueries; activity: Activity } | null = null;

  constructor(readonly path: string) {
    this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    this.db.pragma('journal_mode = WAL');
    // With WAL, NORMAL loses at most the last transactions on power loss, never consistency.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // 64 MiB of pages. No memory-mapping: it saves a millisecond a search but makes every page
    // an ingest's index merges touch count as the process's memory.
    this.db.pragma('cache_size = -65536');
  }

  private get p() {
    if (!this.parts) {
      const clusters = new ClusterTable(this.db);
      this.parts = {
        clusters, writer: new DocWriter(this.db, clusters), reader: new DocReader(this.db),
        searcher: new Searcher(this.db), events: new EventQueries(this.db), activity: new Activity(this.db),
      };
    }
    return this.parts;
  }

  async migrate() { migrate(this.db); }
  async upsert(batch: IngestDoc[]) { return this.p.writer.upsert(batch); }

  async known(ref: { url?: string | null; hash?: string | null }) { return this.p.writer.known(ref); }

  async document(id: number): Promise<StoredDoc | null> { return this.p.reader.byId(id); }
  async documentByKey(key: string): Promise<StoredDoc | null> { return this.p.reader.byKey(key); }
  async search(query: SearchQuery) { return this.p.searcher.search(query); }
  async events(query: EventQuery) { return this.p.events.events(query); }
  async eventMentions(clusterId: number) { return this.p.events.eventMentions(clusterId); }
  async actors(query: DateRange & { limit?: number; country?: string }) { return this.p.activity.actors(query); }
  async dyad(a: string, b: string, by: 'month' | 'year', range?: DateRange) { return this.p.activity.dyad(a, b, by, range); }
  async recluster() { return this.p.clusters.recluster(); }

  /** Reads the ids first and each article as it is asked for: the export holds no read
   *  transaction open and no more than one article in memory, whatever the database's size. */
  async *exportDocs(range: DateRange = {}): AsyncIterable<ContractDoc> {
    const { from, to } = dayBounds(range);
    const ids = this.db.prepare(`SELECT id FROM documents
      WHERE (@from IS NULL OR published >= @from) AND (@to IS NULL OR published <= @to)
      ORDER BY published IS NULL, published, id`).pluck().all({ from, to }) as number[];
    // Articles are replaced in place, never deleted: every id read is still there.
    for (const id of ids) yield this.p.reader.contract(id)!;
  }

  async stats() {
    const count = (table: string) => this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { documents: count('documents'), events: count('events'), clusters: count('clusters'), statements: count('statements'), entities: count('entities') };
  }

  async close() { this.db.close(); }
}
