// The PostgreSQL schema as numbered migrations, the same tables and columns as the SQLite
// backend's (../sqlite/schema.ts) except where PostgreSQL does better: the full-text index is a
// tsvector column with a GIN index, mentions are a JSON list on their entity, and ids come from
// sequences so that concurrent workers never collide. Text that is sorted or compared uses the
// "C" collation: byte order, as SQLite compares, whatever the database's locale. A migration,
// once released, is never edited: a change is a new migration.

export interface Migration { version: number; name: string; sql: string }

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, entities, events, statements, clusters, full-text index',
    sql: `
      CREATE TABLE documents (
        id bigserial PRIMARY KEY,
        key text COLLATE "C" NOT NULL UNIQUE,  -- the article's id in the contract
        source text COLLATE "C",
        url text,
        title text,
        published text COLLATE "C",
        text text NOT NULL,                    -- the cleaned text every offset points into
        hash text NOT NULL,                    -- of the cleaned text: the same article elsewhere
        digest text NOT NULL,                  -- of the whole extraction: a re-extraction that differs replaces it
        ingested_at timestamptz NOT NULL,
        search tsvector NOT NULL               -- title (weight A) and body (B) as searchtext.ts keys
      );
      CREATE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
      CREATE INDEX documents_hash ON documents(hash);
      CREATE INDEX documents_published ON documents(published);
      CREATE INDEX documents_source ON documents(source, published);
      CREATE INDEX documents_search ON documents USING gin (search);

      -- One row per real-world actor across articles; actor_names holds every spelling seen.
      CREATE TABLE actors (
        id bigserial PRIMARY KEY,
        identity text NOT NULL UNIQUE,
        kind text NOT NULL,
        name_ar text NOT NULL,
        name_en text,
        country text
      );
      CREATE TABLE actor_names (
        name_key text NOT NULL,
        actor_id bigint NOT NULL REFERENCES actors(id),
        PRIMARY KEY (name_key, actor_id)
      );

      CREATE TABLE entities (
        id bigserial PRIMARY KEY,
        doc_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord integer NOT NULL,                  -- its place in the article's list
        kind text NOT NULL,
        name_ar text NOT NULL,
        name_en text,
        code text,
        country text,
        role text COLLATE "C",
        actor_id bigint REFERENCES actors(id),
        mentions jsonb NOT NULL                -- [[start, end], …]
      );
      CREATE INDEX entities_doc ON entities(doc_id, ord);
      CREATE INDEX entities_actor ON entities(actor_id) WHERE actor_id IS NOT NULL;

      CREATE TABLE events (
        id bigserial PRIMARY KEY,
        doc_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type text COLLATE "C" NOT NULL,
        mode text,
        status text,
        date_value text,
        date_precision text,
        date_text text,                        -- not null exactly when the event has a date object
        place_ar text,                         -- not null exactly when the event has a place
        place_en text,
        place_country text,
        evidence_start integer NOT NULL,
        evidence_end integer NOT NULL,
        evidence text NOT NULL,
        confidence double precision NOT NULL,
        day text COLLATE "C" NOT NULL,         -- the event's date, else its article's, as YYYY-MM-DD; '' unknown
        cluster_id bigint NOT NULL,
        pending boolean NOT NULL DEFAULT true  -- not yet compared with other articles' events
      );
      CREATE INDEX events_doc ON events(doc_id);
      CREATE INDEX events_cluster ON events(cluster_id);
      CREATE INDEX events_pending ON events(id) WHERE pending;
      CREATE TABLE participants (
        event_id bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role text COLLATE "C" NOT NULL,        -- actor or recipient
        ord integer NOT NULL,
        kind text NOT NULL,
        name_ar text NOT NULL,
        name_en text,
        country text,
        code text,
        iso3 text,                             -- the country the participant is or belongs to
        actor_id bigint NOT NULL REFERENCES actors(id),
        PRIMARY KEY (event_id, role, ord)
      );
      CREATE INDEX participants_iso3 ON participants(iso3, event_id) WHERE iso3 IS NOT NULL;
      CREATE INDEX participants_actor ON participants(actor_id, event_id);
      -- Clustering's participant keys, so new events find the stored ones they may join; the
      -- day also as a day number, for the window arithmetic.
      CREATE TABLE cluster_keys (
        event_id bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        key text NOT NULL,
        type text NOT NULL,
        day text NOT NULL,
        day_number integer NOT NULL,
        PRIMARY KEY (event_id, key)
      );
      CREATE INDEX cluster_keys_lookup ON cluster_keys(type, key, day_number);

      -- One real-world event and all its reports; id is its smallest event id, its summary
      -- (type, mode, date, place) that of its first report.
      CREATE TABLE clusters (
        id bigint PRIMARY KEY,
        type text COLLATE "C" NOT NULL,
        mode text,
        status text,
        date text,
        day text COLLATE "C" NOT NULL,
        first_event_id bigint NOT NULL,
        mentions integer NOT NULL,
        sources integer NOT NULL
      );
      CREATE INDEX clusters_day ON clusters(day, id);
      CREATE INDEX clusters_type_day ON clusters(type, day, id);

      CREATE TABLE statements (
        id bigserial PRIMARY KEY,
        doc_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord integer NOT NULL,                  -- its place in the article's list
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        text text NOT NULL,
        kind text NOT NULL,
        name_ar text NOT NULL,
        name_en text,
        country text,
        code text,
        actor_id bigint NOT NULL REFERENCES actors(id)
      );
      CREATE INDEX statements_doc ON statements(doc_id, ord);
      CREATE INDEX statements_actor ON statements(actor_id);
    `,
  },
];
