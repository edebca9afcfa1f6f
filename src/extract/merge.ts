// Document-level coding: one record per event type and set of participants, as PLOVER does.
// The first mention gives the evidence; later ones fill in what it lacked.
import type { EventAnn } from './doc.ts';

const key = (e: EventAnn) => `${e.type}|${[...e.actors].sort().join(',')}>${[...e.recipients].sort().join(',')}`;
const symmetricKey = (e: EventAnn) => `${e.type}|${[...e.actors, ...e.recipients].sort().join(',')}`;

export function mergeEvents(events: EventAnn[]): EventAnn[] {
  const byKey = new Map<string, EventAnn>();
  for (const e of events) {
    const k = e.type === 'CONSULT' ? symmetricKey(e) : key(e);
    const seen = byKey.get(k);
    if (!seen) { byKey.set(k, { ...e }); continue; }
    if (!seen.date?.value && e.date?.value) seen.date = e.date;
    if (!seen.place && e.place) seen.place = e.place;
    if (!seen.mode && e.mode) seen.mode = e.mode;
    seen.confidence = Math.min(0.95, seen.confidence + 0.1);
  }
  return [...byKey.values()];
}
