// Who can take part in an event or speak, where the sentence names them: people, states (by
// name, capital or institution, or by an adjective standing alone: الجانب الروسي) and
// organisations. A nationality adjective inside a titled mention belongs to the person.
import { markerKindsAt, type Kb } from '../kb/load.ts';
import type { Doc, Ref } from './doc.ts';

export interface Slot { from: number; to: number; ref: Ref }

/** The reference standing for "his country" (بلاده) and its position. */
export const SELF: Ref = 'self';

export function actorSlots(doc: Doc, kb: Kb): Slot[] {
  const slots: Slot[] = [];
  const titled = (i: number) => doc.titles.find((t) => t.holder && i >= t.from && i < t.to + 3);
  for (const m of doc.mentions) {
    const e = doc.entities.get(m.ref);
    if (!e || e.kind === 'place') continue;
    if (e.kind === 'country' && m.via === 'adjective' && titled(m.from)) continue;
    if (m.via === 'title') { slots.push({ from: m.from, to: m.to, ref: m.ref }); continue; }
    slots.push({ from: m.from, to: m.to, ref: m.ref });
  }
  // A titled person is an actor from the start of the title on.
  for (const t of doc.titles) {
    if (!t.holder) continue;
    const s = slots.find((x) => x.ref === t.holder && x.from >= t.to && x.from <= t.to + 4);
    if (s) s.from = t.from;
    else if (!slots.some((x) => x.from === t.from)) slots.push({ from: t.from, to: t.to, ref: t.holder });
  }
  for (let i = 0; i < doc.tokens.length; i++) {
    if (markerKindsAt(kb, doc.tokens, i).includes('self')) slots.push({ from: i, to: i + 1, ref: SELF });
  }
  slots.sort((a, b) => a.from - b.from || b.to - a.to);
  // Drop slots nested inside another (a title's country inside the titled person).
  return slots.filter((s, k) => !slots.some((o, j) => j !== k && o.from <= s.from && o.to >= s.to && (o.to - o.from > s.to - s.from)));
}

export function inRange(slots: Slot[], from: number, to: number): Slot[] {
  return slots.filter((s) => s.from >= from && s.from < to);
}
