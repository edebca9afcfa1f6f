// Who can take part in an event or speak, where the sentence names them: people, states (by
// name, capital or institution, or by an adjective standing alone: الجانب الروسي) and
// organisations. A nationality adjective inside a titled mention belongs to the person.
import { markerKindsAt, type Kb } from '../kb/load.ts';
import type { Doc, Ref } from './doc.ts';

export interface Slot {
  from: number;
  to: number;
  ref: Ref;
  /** named as a location (في مصر، إلى روسيا): a destination or venue, not a subject */
  locative?: boolean;
  /** carries a preposition (بنظيره، لروسيا): an object, not a subject */
  oblique?: boolean;
  /** a nationality adjective standing alone (الجانب الروسي، القمة الأميركية) */
  adjective?: boolean;
}

/** The reference standing for "his country" (بلاده): the speaker's state. */
export const SELF: Ref = 'self';
/** The reference standing for "the two sides" (الجانبان): the article's meeting principals. */
export const BOTH: Ref = 'both';

export function actorSlots(doc: Doc, kb: Kb): Slot[] {
  const slots: Slot[] = [];
  // A state named inside a titled mention (الوزير الروسي، زعيم كوريا الشمالية كيم) belongs to the person.
  const titled = (i: number) => doc.titles.find((t) => t.holder && i >= t.from && i < t.to + 3);
  for (const m of doc.mentions) {
    const e = doc.entities.get(m.ref);
    if (!e || e.kind === 'place') continue;
    if (e.kind === 'country' && m.via !== 'place' && titled(m.from)) continue;
    if (m.via === 'adjective' && !adjectiveStandsForState(doc, kb, m.from)) continue;
    slots.push({ from: m.from, to: m.to, ref: m.ref, locative: e.kind === 'country' && !!m.locative, oblique: obliqueAt(doc, kb, m.from), adjective: m.via === 'adjective' });
  }
  // A titled person is an actor over the whole titled phrase: title first, or name then
  // appositive title (باتروشيف، سكرتير مجلس الأمن الروسي).
  for (const t of doc.titles) {
    if (!t.holder) continue;
    const end = Math.max(t.to, ...doc.mentions.filter((m) => m.from >= t.from && m.from <= t.to && m.via === 'adjective').map((m) => m.to));
    const named = slots.find((x) => x.ref === t.holder && x.from >= t.to && x.from <= end + 4);
    const apposed = slots.find((x) => x.ref === t.holder && x.to <= t.from && t.from - x.to <= 1);
    if (named) { named.from = t.from; named.oblique = obliqueAt(doc, kb, t.from); }
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

/** "الجانب الروسي"، "مسؤولين روس"، "الروس": the adjective names the state acting; after any
 *  other noun ("الصحيفة الروسية"، "القمة الأميركية") it only describes. */
function adjectiveStandsForState(doc: Doc, kb: Kb, i: number): boolean {
  if (/(ون|يين)$/.test(doc.tokens[i].key)) return true;
  if (i === 0 || !/^\s+$/.test(doc.tokens[i].gap)) return true;
  let head = i - 1;
  while (head > 0 && kb.names.matchAt(doc.tokens, head)?.values.some((v) => v.kind === 'country' && v.via === 'adjective') && /^\s+$/.test(doc.tokens[head].gap)) head--;
  return markerKindsAt(kb, doc.tokens, head).includes('state');
}

/** Does the word carry a preposition (بنظيره، لروسيا, but not بومبيو)? The form a name or
 *  title was found under tells what was stripped from it. */
function obliqueAt(doc: Doc, kb: Kb, i: number): boolean {
  const t = doc.tokens[i];
  const used = t.forms.find((f) => kb.names.startsWith([f]) || kb.titles.startsWith([f])) ?? t.key;
  if (used === t.key) return false;
  const stripped = t.key.length - used.length + (used.startsWith('ال') && t.key.startsWith('لل') ? 1 : 0);
  return /[بل]/.test(t.key.slice(0, stripped));
}

export function inRange(slots: Slot[], from: number, to: number): Slot[] {
  return slots.filter((s) => s.from >= from && s.from < to);
}
