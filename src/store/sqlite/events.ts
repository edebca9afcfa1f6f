// Event queries over clusters: each real-world event once, newest first, with the reports of it.
import type { Database, Statement } from 'better-sqlite3';
import type { ActorRef, EventCluster, EventMention, EventQuery } from '../types.ts';
import { dayFilter, paramsOf, participantFilter, whereOf } from './filters.ts';
import { statementCache } from './prepare.ts';
import { actorOf } from './read.ts';

const DEFAULT_LIMIT = 50;

/** Pages continue after the last cluster shown, in the (day, id) order of the listing. */
const encodeCursor = (day: string, id: number) => Buffer.from(JSON.stringify([day, id])).toString('base64url');
function decodeCursor(cursor: string): [string, number] {
  const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'number') throw new Error(`not a cursor from this store: ${cursor}`);
  return [value[0], value[1]];
}

interface ClusterRow { id: number; type: EventCluster['type']; mode: string | null; status: string | null; date: string | null; day: string; mentions: number; sources: number; first_event_id: number; place_ar: string | null; place_en: string | null; evidence: string; doc_key: string; url: string | null }
type ParticipantRow = ActorRef & { role: 'actor' | 'recipient' };

export class EventQueries {
  private readonly prepared: (sql: string) => Statement;
  private readonly participants: Statement;
  private readonly mentions: Statement;

  constructor(db: Database) {
    this.prepared = statementCache(db);
    this.participants = db.prepare('SELECT role, kind, name_ar, name_en, country, code FROM participants WHERE event_id = ? ORDER BY role, ord');
    this.mentions = db.prepare(`SELECT e.doc_id AS docId, d.key AS docKey, d.source, d.url, d.published, e.evidence,
      e.evidence_start AS start, e.evidence_end AS end, e.confidence
      FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster_id = ? ORDER BY d.published IS NULL, d.published, d.id, e.id`);
  }

  events(q: EventQuery): { clusters: EventCluster[]; next: string | null } {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const filters = [participantFilter(q.country || !q.with ? q : { ...q, country: q.with, with: undefined }), dayFilter(q)];
    if (q.type) filters.push({ where: ['c.type = @type'], params: { type: q.type } });
    if (q.mode) filters.push({ where: ['c.mode = @mode'], params: { mode: q.mode } });
    if (q.after) {
      const [day, id] = decodeCursor(q.after);
      filters.push({ where: ['(c.day < @afterDay OR (c.day = @afterDay AND c.id < @afterId))'], params: { afterDay: day, afterId: id } });
    }
    const sql = `SELECT c.id, c.type, c.mode, c.status, c.date, c.day, c.mentions, c.sources, c.first_event_id,
      e.place_ar, e.place_en, e.evidence, d.key AS doc_key, d.url
      FROM clusters c JOIN events e ON e.id = c.first_event_id JOIN documents d ON d.id = e.doc_id
      ${whereOf(filters)}
      ORDER BY c.day DESC, c.id DESC LIMIT @limit`;
    // One row more than the page says whether there is a next one.
    const rows = this.prepared(sql).all({ ...paramsOf(filters), limit: limit + 1 }) as ClusterRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { clusters: page.map((r) => this.cluster(r)), next: rows.length > limit ? encodeCursor(last.day, last.id) : null };
  }

  eventMentions(clusterId: number): EventMention[] {
    return this.mentions.all(clusterId) as EventMention[];
  }

  private cluster(r: ClusterRow): EventCluster {
    const actors: ActorRef[] = [];
    const recipients: ActorRef[] = [];
    for (const p of this.participants.all(r.first_event_id) as ParticipantRow[]) (p.role === 'actor' ? actors : recipients).push(actorOf(p));
    return {
      id: r.id, type: r.type, mode: r.mode, status: r.status, date: r.date, place: r.place_en ?? r.place_ar,
      actors, recipients, mentions: r.mentions, sources: r.sources, evidence: r.evidence, docKey: r.doc_key, url: r.url,
    };
  }
}
