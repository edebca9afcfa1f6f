// Writing articles: each one either new, a replacement of its earlier version (found by key,
// URL or content hash) with everything extracted from it, or unchanged.
import type { Database, Statement } from 'better-sqlite3';
import { participantKeys } from '../../cluster/keys.ts';
import type { Actor, ContractEvent, Entity } from '../../extract/types.ts';
import { nameKey } from '../../kb/normalize.ts';
import { eventDay } from '../days.ts';
import { actorIdentity, iso3Of } from '../identity.ts';
import { digestOf, entityActor, placement, type StoredRef } from '../placement.ts';
import { searchText } from '../searchtext.ts';
import type { IngestDoc, UpsertResult } from '../types.ts';
import type { ClusterTable } from './clusters.ts';

export class DocWriter {
  private readonly q: Record<string, Statement>;
  /** Ids of actors and spellings already stored, valid until a transaction rolls back. */
  private actorIds = new Map<string, number>();
  private actorNames = new Set<string>();
  private nextEventId = 0;

  constructor(private readonly db: Database, private readonly clusters: ClusterTable) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      byKey: p('SELECT id, key, digest FROM documents WHERE key = ?'),
      byUrl: p('SELECT id, key, digest FROM documents WHERE url = ? LIMIT 1'),
      byHash: p('SELECT id, key, digest FROM documents WHERE hash = ? LIMIT 1'),
      insertDoc: p(`INSERT INTO documents (key, source, url, title, published, text, hash, digest, ingested_at)
        VALUES (@key, @source, @url, @title, @published, @text, @hash, @digest, @now)`),
      updateDoc: p(`UPDATE documents SET source = @source, url = coalesce(@url, url), title = @title, published = @published,
        text = @text, hash = @hash, digest = @digest, ingested_at = @now WHERE id = @id`),
      clustersOfDoc: p('SELECT DISTINCT cluster_id FROM events WHERE doc_id = ?').pluck(),
      deleteEvents: p('DELETE FROM events WHERE doc_id = ?'),
      deleteEntities: p('DELETE FROM entities WHERE doc_id = ?'),
      deleteStatements: p('DELETE FROM statements WHERE doc_id = ?'),
      deleteSearch: p('DELETE FROM doc_search WHERE rowid = ?'),
      insertSearch: p('INSERT INTO doc_search (rowid, title, body) VALUES (?, ?, ?)'),
      nextEventId: p('SELECT max(coalesce((SELECT max(id) FROM events), 0), coalesce((SELECT max(id) FROM clusters), 0)) + 1').pluck(),
      actorId: p('SELECT id FROM actors WHERE identity = ?').pluck(),
      insertActor: p('INSERT INTO actors (identity, kind, name_ar, name_en, country) VALUES (?, ?, ?, ?, ?)'),
      insertActorName: p('INSERT OR IGNORE INTO actor_names (name_key, actor_id) VALUES (?, ?)'),
      insertEntity: p('INSERT INTO entities (doc_id, kind, name_ar, name_en, code, country, role, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      insertMention: p('INSERT INTO mentions (entity_id, ord, start_offset, end_offset) VALUES (?, ?, ?, ?)'),
      insertEvent: p(`INSERT INTO events (id, doc_id, type, mode, status, date_value, date_precision, date_text,
        place_ar, place_en, place_country, evidence_start, evidence_end, evidence, confidence, day, cluster_id)
        VALUES (@id, @docId, @type, @mode, @status, @dateValue, @datePrecision, @dateText,
        @placeAr, @placeEn, @placeCountry, @evidenceStart, @evidenceEnd, @evidence, @confidence, @day, @id)`),
      insertCluster: p(`INSERT INTO clusters (id, type, mode, status, date, day, first_event_id, mentions, sources)
        VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1)`),
      insertParticipant: p(`INSERT INTO participants (event_id, role, ord, kind, name_ar, name_en, country, code, iso3, actor_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertClusterKey: p('INSERT OR IGNORE INTO cluster_keys (event_id, key, type, day) VALUES (?, ?, ?, ?)'),
      insertStatement: p(`INSERT INTO statements (doc_id, start_offset, end_offset, text, kind, name_ar, name_en, country, code, actor_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
  }

  known(ref: { url?: string | null; hash?: string | null }): boolean {
    return (ref.url != null && this.q.byUrl.get(ref.url) !== undefined) || (ref.hash != null && this.q.byHash.get(ref.hash) !== undefined);
  }

  /** The whole batch in one transaction: all of it is stored, or none. */
  upsert(batch: IngestDoc[]): UpsertResult[] {
    try {
      return this.db.transaction(() => {
        this.nextEventId = this.q.nextEventId.get() as number;
        const emptied = new Set<number>();
        const results = batch.map((item) => this.write(item, emptied));
        this.clusters.refresh([...emptied], { pending: true });
        return results;
      }).immediate();
    } catch (err) {
      this.actorIds.clear();
      this.actorNames.clear();
      throw err;
    }
  }

  private write(item: IngestDoc, emptied: Set<number>): UpsertResult {
    const { doc, hash, source, url } = item;
    const digest = digestOf(doc);
    const now = new Date().toISOString();
    const row = { key: doc.id, source, url, title: doc.title, published: doc.published, text: doc.text, hash, digest, now };
    const placed = placement(item, digest, {
      byKey: (key) => this.q.byKey.get(key) as StoredRef | undefined,
      byUrl: (u) => this.q.byUrl.get(u) as StoredRef | undefined,
      byHash: (h) => this.q.byHash.get(h) as StoredRef | undefined,
    });
    if (placed.status === 'unchanged') return { key: placed.stored.key, id: placed.stored.id, status: 'unchanged', events: 0 };
    const same = placed.status === 'updated' ? placed.stored : undefined;
    let id: number;
    if (same) {
      id = same.id;
      for (const c of this.q.clustersOfDoc.all(id) as number[]) emptied.add(c);
      for (const q of [this.q.deleteEvents, this.q.deleteEntities, this.q.deleteStatements, this.q.deleteSearch]) q.run(id);
      this.q.updateDoc.run({ ...row, id });
    } else {
      id = Number(this.q.insertDoc.run(row).lastInsertRowid);
    }
    this.writeEntities(id, doc.entities);
    for (const e of doc.events) this.writeEvent(id, doc.published, e);
    for (const s of doc.statements) {
      const a = s.speaker;
      this.q.insertStatement.run(id, s.start, s.end, s.text, a.kind, a.name_ar, a.name_en, a.country, a.code, this.actorId(a));
    }
    this.q.insertSearch.run(id, searchText(doc.title), searchText(doc.text));
    return { key: same?.key ?? doc.id, id, status: same ? 'updated' : 'new', events: doc.events.length };
  }

  private writeEntities(docId: number, entities: Entity[]): void {
    for (const e of entities) {
      const actor = entityActor(e);
      const entityId = this.q.insertEntity.run(docId, e.kind, e.name_ar, e.name_en, e.code ?? null, e.country ?? null,
        e.role ?? null, actor ? this.actorId(actor) : null).lastInsertRowid;
      e.mentions.forEach((m, i) => this.q.insertMention.run(entityId, i, m.start, m.end));
    }
  }

  private writeEvent(docId: number, published: string | null, e: ContractEvent): void {
    const id = this.nextEventId++;
    const day = eventDay(e.date?.value, published);
    this.q.insertEvent.run({
      id, docId, type: e.type, mode: e.mode, status: e.status,
      dateValue: e.date?.value ?? null, datePrecision: e.date?.precision ?? null, dateText: e.date?.text ?? null,
      placeAr: e.place?.name_ar ?? null, placeEn: e.place?.name_en ?? null, placeCountry: e.place?.country ?? null,
      evidenceStart: e.evidence.start, evidenceEnd: e.evidence.end, evidence: e.evidence.text, confidence: e.confidence, day,
    });
    // Until clustering compares it with other articles, an event is a cluster of its own.
    this.q.insertCluster.run(id, e.type, e.mode, e.status, e.date?.value ?? null, day, id);
    for (const [role, actors] of [['actor', e.actors], ['recipient', e.recipients]] as const) {
      actors.forEach((a, i) => this.q.insertParticipant.run(id, role, i, a.kind, a.name_ar, a.name_en, a.country, a.code, iso3Of(a), this.actorId(a)));
    }
    // Undated reports of unknown publication date are never clustered: no keys to find them by.
    if (day) for (const k of participantKeys(e.type, e.actors, e.recipients)) this.q.insertClusterKey.run(id, k, e.type, day);
  }

  private actorId(a: Actor): number {
    const identity = actorIdentity(a);
    let id = this.actorIds.get(identity);
    if (id === undefined) {
      id = (this.q.actorId.get(identity) as number | undefined)
        ?? Number(this.q.insertActor.run(identity, a.kind, a.name_ar, a.name_en, iso3Of(a)).lastInsertRowid);
      this.actorIds.set(identity, id);
    }
    const spelling = `${id}:${nameKey(a.name_ar)}`;
    if (!this.actorNames.has(spelling)) {
      this.q.insertActorName.run(nameKey(a.name_ar), id);
      this.actorNames.add(spelling);
    }
    return id;
  }
}
