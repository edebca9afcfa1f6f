// A Store in memory for unit tests of what writes into it: upserts, `known` and counts,
// following the interface's contract; the query methods are out of its scope.
import type { ContractDoc } from '../../src/extract/types.ts';
import type { IngestDoc, Store, UpsertResult } from '../../src/store/types.ts';

export class MemoryStore implements Store {
  readonly docs = new Map<string, IngestDoc>();
  /** each upsert's batch size, in order */
  readonly batches: number[] = [];
  reclusters = 0;
  closed = false;

  async migrate(): Promise<void> {}

  async upsert(batch: IngestDoc[]): Promise<UpsertResult[]> {
    this.batches.push(batch.length);
    return batch.map((item, i) => {
      const earlier = [...this.docs.values()].find((d) => d.doc.id === item.doc.id || (item.url !== null && d.url === item.url));
      const status = earlier ? (earlier.hash === item.hash ? 'unchanged' : 'updated') : this.has({ hash: item.hash }) ? 'unchanged' : 'new';
      if (status !== 'unchanged') {
        if (earlier) this.docs.delete(earlier.doc.id);
        this.docs.set(item.doc.id, item);
      }
      return { key: item.doc.id, id: i, status, events: item.doc.events.length };
    });
  }

  async known(ref: { url?: string | null; hash?: string | null }): Promise<boolean> {
    return this.has(ref);
  }

  private has(ref: { url?: string | null; hash?: string | null }): boolean {
    return [...this.docs.values()].some((d) => (ref.url && d.url === ref.url) || (ref.hash && d.hash === ref.hash));
  }

  async stats() {
    const docs = [...this.docs.values()];
    return { documents: docs.length, events: docs.reduce((n, d) => n + d.doc.events.length, 0), clusters: 0, statements: 0, entities: 0 };
  }

  async *exportDocs(): AsyncIterable<ContractDoc & { source: string | null; url: string | null }> {
    for (const { doc, source, url } of this.docs.values()) yield { ...doc, source, url };
  }

  async recluster() {
    this.reclusters++;
    return { clusters: 0, mentions: 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  document = unsupported;
  documentByKey = unsupported;
  search = unsupported;
  events = unsupported;
  eventMentions = unsupported;
  actors = unsupported;
  dyad = unsupported;
}

function unsupported(): never {
  throw new Error('not supported by the in-memory test store');
}
