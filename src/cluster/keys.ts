// Participant keys for clustering: the same actor gets the same key whichever outlet reports
// it and however the outlet spells the name.
import type { Actor, ContractEvent, EventType, PlaceRef } from '../extract/types.ts';
import { nameKey } from '../kb/normalize.ts';
import type { ClusterEvent } from './cluster.ts';

/** The types whose actors and recipients are interchangeable (../shared/gold/GUIDE.md). */
const SYMMETRIC = new Set<string>(['CONSULT', 'AGREE', 'COOPERATE']);

/** 'c:RUS' for a country, 'o:SCO' for an organisation, 'p:<name key>' for a person (the
 *  English name when known: outlets agree on it more than on the Arabic spelling), plus the
 *  person's country key, so a report naming Putin and one naming Russia can still meet. */
function actorKeys(a: Actor): string[] {
  if (a.kind === 'country') return [`c:${a.code ?? nameKey(a.name_ar)}`];
  if (a.kind === 'org') return [`o:${a.code ?? nameKey(a.name_ar)}`];
  const person = `p:${nameKey(a.name_en ?? a.name_ar)}`;
  return a.country ? [person, `c:${a.country}`] : [person];
}

/** Sorted, distinct keys of an event's participants. For directed types the recipients' keys
 *  are marked with '>', so "A accuses B" and "B accuses A" never merge. */
export function participantKeys(type: EventType | string, actors: Actor[], recipients: Actor[]): string[] {
  const mark = SYMMETRIC.has(type) ? '' : '>';
  const keys = [...actors.flatMap(actorKeys), ...recipients.flatMap(actorKeys).map((k) => mark + k)];
  return [...new Set(keys)].sort();
}

/** A place compared by its English name when the gazetteer knows it, else its name key. */
export const placeKey = (p: PlaceRef | null): string | null => (p ? p.name_en ?? nameKey(p.name_ar) : null);

/** Where a stored event came from, as clustering needs it. */
export interface EventOrigin { id: number; docId: number; source: string | null; published: string | null }

/** A contract event as clusterEvents reads it. */
export function toClusterEvent(e: ContractEvent, origin: EventOrigin): ClusterEvent {
  return {
    ...origin,
    type: e.type,
    participants: participantKeys(e.type, e.actors, e.recipients),
    date: e.date?.value ?? null,
    place: placeKey(e.place),
    evidence: e.evidence.text,
  };
}
