// The SQLite schema as numbered migrations. A database records the versions it has applied in
// schema_migrations; a migration, once released, is never edited: a change is a new migration.

export interface Migration { version: number; name: string; sql: string }

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, entities, events, statements, clusters, full-text index',
    sql: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,          -- the article's id in the contract
        source TEXT,
        url TEXT,
        title TEXT,
        published TEXT,
        text TEXT NOT NULL,                -- the cleaned text every offset points into
        hash TEXT NOT NULL,                -- of the cleaned text: the same article elsewhere
        digest TEXT NOT NULL,              -- of the whole extraction: a re-extraction that differs replaces it
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
      CREATE INDEX documents_hash ON documents(hash);
      CREATE INDEX documents_published ON documents(published);
      CREATE INDEX documents_source ON documents(source, published);

      -- One row per real-world actor across articles; actor_names holds every spelling seen.
      CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        identity TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        name_ar TEXT NOT NULL,
        name_en TEXT,
        country TEXT
      );
      CREATE TABLE actor_names (
        name_key TEXT NOT NULL,
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        PRIMARY KEY (name_key, actor_id)
      ) WITHOUT ROWID;

      CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        name_ar TEXT NOT NULL,
        name_en TEXT,
        code TEXT,
        country TEXT,
        role TEXT,
        actor_id INTEGER REFERENCES actors(id)
      );
      CREATE INDEX entities_doc ON entities(doc_id);
      -- Roles by actor: a state's thousands of mentions carry none and are never read for them.
      CREATE INDEX entities_roles ON entities(actor_id, role) WHERE role IS NOT NULL;
      CREATE TABLE mentions (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        PRIMARY KEY (entity_id, ord)
      ) WITHOUT ROWID;

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        mode TEXT,
        status TEXT,
        date_value TEXT,
        date_precision TEXT,
        date_text TEXT,                    -- not null exactly when the event has a date object
        place_ar TEXT,                     -- not null exactly when the event has a place
        place_en TEXT,
        place_country TEXT,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence TEXT NOT NULL,
        confidence REAL NOT NULL,
        day TEXT NOT NULL,                 -- the event's date, else its article's, as YYYY-MM-DD; '' unknown
        cluster_id INTEGER NOT NULL,
        pending INTEGER NOT NULL DEFAULT 1 -- not yet compared with other articles' events
      );
      CREATE INDEX events_doc ON events(doc_id);
      CREATE INDEX events_cluster ON events(cluster_id);
      CREATE INDEX events_pending ON events(id) WHERE pending = 1;
      CREATE TABLE participants (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role TEXT NOT NULL,                -- actor or recipient
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        name_ar TEXT NOT NULL,
        name_en TEXT,
        country TEXT,
        code TEXT,
        iso3 TEXT,                         -- the country the participant is or belongs to
        actor_id INTEGER NOT NULL REFERENCES actors(id),
        PRIMARY KEY (event_id, role, ord)
      ) WITHOUT ROWID;
      CREATE INDEX participants_iso3 ON participants(iso3, event_id) WHERE iso3 IS NOT NULL;
      CREATE INDEX participants_actor ON participants(actor_id, event_id);
      -- Clustering's participant keys, so new events find the stored ones they may join.
      CREATE TABLE cluster_keys (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        type TEXT NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (event_id, key)
      ) WITHOUT ROWID;
      CREATE INDEX cluster_keys_lookup ON cluster_keys(type, key, day);

      -- One real-world event and all its reports; id is its smallest event id, its summary
      -- (type, mode, date, place) that of its first report.
      CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        mode TEXT,
        status TEXT,
        date TEXT,
        day TEXT NOT NULL,
        first_event_id INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        sources INTEGER NOT NULL
      );
      CREATE INDEX clusters_day ON clusters(day, id);
      CREATE INDEX clusters_type_day ON clusters(type, day, id);

      CREATE TABLE statements (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        name_ar TEXT NOT NULL,
        name_en TEXT,
        country TEXT,
        code TEXT,
        actor_id INTEGER NOT NULL REFERENCES actors(id)
      );
      CREATE INDEX statements_doc ON statements(doc_id);
      CREATE INDEX statements_actor ON statements(actor_id);

      -- Title and body as searchtext.ts keys; the original text stays in documents.
      CREATE VIRTUAL TABLE doc_search USING fts5(
        title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
      );
      INSERT INTO doc_search(doc_search, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
    `,
  },
];
