// The store interface: everything the CLI, the API and the workers need from the database,
// behind one contract so that SQLite (embedded default) and PostgreSQL (server) are
// interchangeable. Every method is async so a networked backend fits the same shape.
import type { ConsultMode, ContractDoc, EventType } from '../extract/types.ts';

/** The values `EventQuery.type` and `mode` take, for validating what users type. */
export const EVENT_TYPES = [
  'CONSULT', 'AGREE', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const satisfies readonly EventType[];
export const CONSULT_MODES = ['phone', 'visit', 'third-party', 'multilateral'] as const satisfies readonly ConsultMode[];

/** One article as ingested: the extraction output plus where it came from. */
export interface IngestDoc {
  doc: ContractDoc;
  /** sha256 of the cleaned text: the same article under another URL is stored once */
  hash: string;
  source: string | null;
  url: string | null;
}

export type UpsertStatus = 'new' | 'updated' | 'unchanged';

/** `key` is the stored article's (an article found by URL or hash keeps its first key);
 *  `events` counts the events written, 0 when unchanged. */
export interface UpsertResult { key: string; id: number; status: UpsertStatus; events: number }

/** A stored article: the contract document and its number in the store. */
export type StoredDoc = ContractDoc & { docId: number };

export interface DateRange { from?: string; to?: string }

export interface SearchQuery extends DateRange { q: string; source?: string; limit?: number }

export interface SearchHit {
  docId: number;
  key: string;
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  /** the matching passage with hits between « and » */
  snippet: string;
  score: number;
}

export interface EventQuery extends DateRange {
  /** a person or organisation name (Arabic or English, normalized match) */
  actor?: string;
  /** ISO3: an event with a participant of this country */
  country?: string;
  /** ISO3: with `country`, the dyad (both countries among the participants) */
  with?: string;
  type?: EventType;
  mode?: ConsultMode;
  limit?: number;
  /** opaque cursor from the previous page */
  after?: string;
}

export interface ActorRef { kind: 'person' | 'country' | 'org'; name_ar: string; name_en: string | null; country: string | null; code: string | null }

/** A cross-document cluster: one real-world event with every report of it. */
export interface EventCluster {
  id: number;
  type: EventType;
  mode: string | null;
  status: string | null;
  date: string | null;
  place: string | null;
  actors: ActorRef[];
  recipients: ActorRef[];
  mentions: number;
  sources: number;
  /** the first report's evidence */
  evidence: string;
  docKey: string;
  url: string | null;
}

export interface EventMention { docId: number; docKey: string; source: string | null; url: string | null; published: string | null; evidence: string; start: number; end: number; confidence: number }

export interface ActorStats { name_ar: string; name_en: string | null; kind: string; country: string | null; roles: string[]; events: number; documents: number }

export interface DyadBucket { period: string; type: EventType; count: number; cooperative: number; conflictual: number }

export interface Store {
  /** Applies pending schema migrations (versioned, idempotent). */
  migrate(): Promise<void>;
  /** Stores a batch in one transaction; a changed article replaces its earlier version. */
  upsert(batch: IngestDoc[]): Promise<UpsertResult[]>;
  /** Is an article with this URL or content hash stored? (conditional fetching, resumed runs) */
  known(ref: { url?: string | null; hash?: string | null }): Promise<boolean>;
  document(id: number): Promise<StoredDoc | null>;
  documentByKey(key: string): Promise<StoredDoc | null>;
  search(query: SearchQuery): Promise<SearchHit[]>;
  events(query: EventQuery): Promise<{ clusters: EventCluster[]; next: string | null }>;
  eventMentions(clusterId: number): Promise<EventMention[]>;
  actors(query: DateRange & { limit?: number; country?: string }): Promise<ActorStats[]>;
  dyad(a: string, b: string, by: 'month' | 'year', range?: DateRange): Promise<DyadBucket[]>;
  /** Every stored article in the contract shape (as `extract` wrote it), oldest first, streamed. */
  exportDocs(range?: DateRange): AsyncIterable<ContractDoc>;
  /** Rebuilds cross-document clusters for events changed since the last call. */
  recluster(): Promise<{ clusters: number; mentions: number }>;
  stats(): Promise<{ documents: number; events: number; clusters: number; statements: number; entities: number }>;
  close(): Promise<void>;
}
