// Event queries over clusters: each real-world event once, newest first, with the reports of it.
// The SQL and the shaping of its rows are every backend's (../queries.ts).
import type { Database, Statement } from 'better-sqlite3';
import { eventPage, eventsQuery, MENTIONS_SQL, participantsSql, type ClusterRow, type ParticipantRow } from '../queries.ts';
import type { EventCluster, EventMention, EventQuery } from '../types.ts';
import { statementCache } from './prepare.ts';

export class EventQueries {
  private readonly prepared: (sql: string) => Statement;
  private readonly participants: Statement;
  private readonly mentions: Statement;

  constructor(db: Database) {
    this.prepared = statementCache(db);
    this.participants = db.prepare(participantsSql('SELECT value FROM json_each(@ids)'));
    this.mentions = db.prepare(MENTIONS_SQL);
  }

  events(q: EventQuery): { clusters: EventCluster[]; next: string | null } {
    const { sql, params } = eventsQuery(q);
    const rows = this.prepared(sql).all(params) as ClusterRow[];
    const participants = this.participants.all({ ids: JSON.stringify(rows.map((r) => r.first_event_id)) }) as ParticipantRow[];
    return eventPage(q, rows, participants);
  }

  eventMentions(clusterId: number): EventMention[] {
    return this.mentions.all({ id: clusterId }) as EventMention[];
  }
}
