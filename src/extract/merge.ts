// Document-level coding: one record per event type and set of participants, as PLOVER does.
// The first mention gives the evidence; later ones fill in what it lacked.
import type { EventAnn } from './doc.ts';

const key = (e: EventAnn) => `${e.type}|${[...e.actors].sort().join(',')}>${[...e.recipients].sort().join(',')}`;
const symmetricKey = (e: EventAnn) => `${e.type}|${[...e.actors, ...e.recipients].sort().join(',')}`;

/** A visit to a state beside a visit by the same visitor to one of its people: the person is
 *  the more specific recipient the text gives (توجه إلى موسكو … والتقى لافروف). */
export function dropVaguerVisits(events: EventAnn[], countryOf: (ref: string) => string | null): EventAnn[] {
  const visits = events.filter((e) => e.type === 'CONSULT' && e.mode === 'visit' && e.recipients.length === 1);
  return events.filter((e) => {
    if (e.type !== 'CONSULT' || e.mode !== 'visit' || !e.recipients[0]?.startsWith('c:')) return true;
    const state = e.recipients[0].slice(2);
    return !visits.some((v) => v !== e && v.status === e.status && v.actors[0] === e.actors[0] && v.recipients[0].startsWith('p:') && countryOf(v.recipients[0]) === state);
  });
}

export function mergeEvents(events: EventAnn[]): EventAnn[] {
  const byKey = new Map<string, EventAnn>();
  for (const e of events) {
    const k = e.type === 'CONSULT' ? symmetricKey(e) : key(e);
    const seen = byKey.get(k);
    if (!seen) { byKey.set(k, { ...e }); continue; }
    if (e.date?.value && (!seen.date?.value || (e.dateSource ?? -1) > (seen.dateSource ?? -1))) { seen.date = e.date; seen.dateSource = e.dateSource; }
    if (!seen.place && e.place) seen.place = e.place;
    if (!seen.mode && e.mode) seen.mode = e.mode;
    seen.confidence = Math.min(0.95, seen.confidence + 0.1);
  }
  return [...byKey.values()];
}
