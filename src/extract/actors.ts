// Who can take part in an event or speak, where the sentence names them: people, states (by
// name, capital or institution, or by an adjective standing alone: الجانب الروسي) and
// organisations. A nationality adjective inside a titled mention belongs to the person.
import { markerKindsAt, type Kb } from '../kb/load.ts';
import type { Doc, Ref } from './doc.ts';

export interface Slot { from: number; to: number; ref: Ref }

/** The reference standing for "his country" (بلاده): the speaker's state. */
export const SELF: Ref = 'self';
/** The reference standing for "the two sides" (الجانبان): the article's meeting principals. */
export const BOTH: Ref = 'both';

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
  // A titled person is an actor over the whole titled phrase: title first, or name then
  // appositive title (باتروشيف، سكرتير مجلس الأمن الروسي).
  for (const t of doc.titles) {
    if (!t.holder) continue;
    const end = Math.max(t.to, ...doc.mentions.filter((m) => m.from >= t.from && m.from <= t.to && m.via === 'adjective').map((m) => m.to));
    const named = slots.find((x) => x.ref === t.holder && x.from >= t.to && x.from <= end + 4);
    const apposed = slots.find((x) => x.ref === t.holder && x.to <= t.from && t.from - x.to <= 1);
    if (named) named.from = t.from;
    else if (apposed) apposed.to = end;
    else if (!slots.some((x) => x.from === t.from)) slots.push({ from: t.from, to: end, ref: t.holder });
  }
  for (let i = 0; i < doc.tokens.length; i++) {
    const kinds = markerKindsAt(kb, doc.tokens, i);
    if (kinds.includes('self')) slots.push({ from: i, to: i + 1, ref: SELF });
    if (kinds.includes('both')) slots.push({ from: i, to: i + 1, ref: BOTH });
  }
  slots.sort((a, b) => a.from - b.from || b.to - a.to);
  // Drop slots nested inside another (a title's country inside the titled person).
  return slots.filter((s, k) => !slots.some((o, j) => j !== k && o.from <= s.from && o.to >= s.to && (o.to - o.from > s.to - s.from)));
}

export function inRange(slots: Slot[], from: number, to: number): Slot[] {
  return slots.filter((s) => s.from >= from && s.from < to);
}
