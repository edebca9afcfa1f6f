// Completes each event with what the document around it tells: its date and place, the mode
// a meeting's place implies, the speaker behind "بلاده", and the people who stand for their
// states (a visit to Russia by China's president is a visit to Russia's president when the
// article names him; "China is ready to work with Russia" said at a meeting is the meeting's
// two principals agreeing).
import { markerKindsAt, sameOffice, type Kb } from '../kb/load.ts';
import { findDates } from './dates.ts';
import { BOTH, SELF } from './actors.ts';
import type { DateAnn, Doc, DocEntity, EventAnn, Ref } from './doc.ts';
import type { PlaceRef } from './types.ts';

const LEAD_SENTENCES = 3;
export const DATE_SOURCE = { lead: 0, saying: 1, neighbour: 2, own: 3 } as const;

function placeRef(e: DocEntity): PlaceRef { return { name_ar: e.nameAr, name_en: e.nameEn, country: e.country }; }

function countryOf(doc: Doc, ref: Ref): string | null {
  const e = doc.entities.get(ref);
  return e ? (e.kind === 'country' ? e.code : e.country) : null;
}

export function datelinePlace(doc: Doc): Ref | null {
  for (const s of doc.sentences.slice(0, LEAD_SENTENCES)) {
    const m = doc.mentions.find((x) => x.from === s.from && doc.entities.get(x.ref)?.kind === 'place');
    if (m && (s.to - s.from <= 4 || /\d/.test(doc.tokens[m.to]?.text ?? ''))) return m.ref;
  }
  return null;
}

export function attachDetails(doc: Doc, kb: Kb, events: EventAnn[]): EventAnn[] {
  const lead = doc.sentences.slice(0, LEAD_SENTENCES);
  const leadDate = lead.map((s) => findDates(kb, doc.tokens, s.from, s.to, doc.refDate, false).find((d) => d.value)).find(Boolean) ?? null;
  const principals = meetingPrincipals(doc, events);
  const both = twoLeadingPeople(doc);
  const placed = events.flatMap((e) => {
    const s = doc.sentences[e.sentence];
    const ev: EventAnn = { ...e };
    if (ev.actors.includes(BOTH)) {
      if (both.length !== 2) return [];
      ev.actors = [...new Set(ev.actors.flatMap((r) => (r === BOTH ? both : [r])))];
    }
    if (ev.actors.includes(SELF) || ev.recipients.includes(SELF) || ev.recipients.includes(BOTH)) return [];
    let placedHere = false;
    if (ev.type === 'CONSULT') {
      // the event's own date first; the day the words were said when there is none; then the lead's
      const found = findDates(kb, doc.tokens, s.from, s.to, doc.refDate, ev.status === 'planned');
      const all = found.filter((d) => !anotherTriggerBetween(doc, kb, d, e));
      const own = all.filter((d) => !dateOfSaying(doc, d, e));
      // "يلتقي … عقب قمة الحلف يومي 11 و12 يوليو": after a dated event, in its month
      const sequenced = own.length ? null : found.find((d) => d.value && anotherTriggerBetween(doc, kb, d, e) && sequenceBetween(doc, kb, e.to, d.from));
      // the day of saying dates a meeting already held, never one still to come
      const candidates = own.length ? own : sequenced ? [inMonth(sequenced)] : ev.status === 'held' ? all : [];
      const near = candidates.map((d) => ({ d, rank: dateRank(doc, e, d) })).sort((a, b) => a.rank - b.rank)[0]?.d;
      const fallback = ev.status === 'held' && e.sentence < LEAD_SENTENCES ? leadDate : null;
      const chosen = near ?? fallback;
      ev.date = chosen ? { value: chosen.value, precision: chosen.precision, text: chosen.text } : null;
      ev.dateSource = !chosen ? undefined : chosen === fallback ? DATE_SOURCE.lead : own.includes(chosen) ? DATE_SOURCE.own : sequenced ? DATE_SOURCE.neighbour : DATE_SOURCE.saying;
      // a meeting dated after the article is still to come
      if (ev.date?.value && doc.refDate && ev.date.value > doc.refDate.slice(0, ev.date.value.length)) ev.status = 'planned';
      const pm = doc.mentions.filter((m) => m.from >= s.from && m.from < s.to && doc.entities.get(m.ref)?.kind === 'place')
        .sort((a, b) => Math.abs(a.from - e.from) - Math.abs(b.from - e.from))[0];
      const placeEntity = pm ? doc.entities.get(pm.ref) : doc.dateline && e.sentence < LEAD_SENTENCES && ev.status === 'held' ? doc.entities.get(doc.dateline) : undefined;
      if (placeEntity) ev.place = placeRef(placeEntity);
      else if (ev.mode === 'visit') ev.place = visitedCapital(doc, kb, ev, s.from, s.to);
      // "في سنغافورة": a state named as where it happens places the meeting too
      const venue = pm ? placeEntity?.country ?? null : doc.mentions.find((m) => m.locative && m.from > e.from && m.from < s.to && m.ref.startsWith('c:'))?.ref.slice(2) ?? null;
      refineMode(doc, ev, venue);
      placedHere = !!pm;
    }
    return [{ ev, placedHere }];
  });
  // "وعلى هامش اللقاء … سيلتقي كيري نظيره": an undated meeting right after a dated one of the
  // same status happens at that time.
  placed.forEach(({ ev }, k) => {
    if (ev.type !== 'CONSULT' || ev.date?.value) return;
    const prev = placed.slice(0, k).reverse().find((p) => p.ev.type === 'CONSULT' && p.ev.sentence >= ev.sentence - 1 && p.ev.status === ev.status && p.ev.date?.value);
    if (!prev || prev.ev.sentence !== ev.sentence - 1 || !prev.ev.date) return;
    // "وبعد الدوحة، سيتوجه كيري…": what comes after it is only known to the month
    const after = sequenceBetween(doc, kb, doc.sentences[ev.sentence].from, ev.from);
    ev.date = after ? inMonth({ ...prev.ev.date, from: 0 }) : prev.ev.date;
    ev.dateSource = DATE_SOURCE.neighbour;
  });
  // Meetings are placed within the trips the article reports, once every visit is known.
  const trips = placed.map((p) => p.ev).filter((e) => e.type === 'CONSULT' && e.mode === 'visit' && e.status === 'held' && e.recipients.length === 1)
    .map((e) => ({ visitor: e.actors[0], country: countryOf(doc, e.recipients[0]) }));
  return placed.flatMap(({ ev, placedHere }) => {
    if (ev.type === 'CONSULT') {
      if (!placedHere) duringTrip(doc, ev, trips);
      if (ev.mode === 'visit') ev.recipients = ev.recipients.map((r) => counterpart(doc, kb, r, ev.actors[0]) ?? r);
    }
    if (ev.type === 'AGREE') ev.actors = [...new Set(ev.actors.map((r) => (r.startsWith('c:') ? principals.get(r) ?? r : r)))];
    // a state beside its own representative in a meeting is the same party
    if (ev.mode === 'multilateral') {
      const represented = new Set(ev.actors.filter((r) => r.startsWith('p:')).map((r) => countryOf(doc, r)));
      ev.actors = ev.actors.filter((r) => !(r.startsWith('c:') && represented.has(r.slice(2))));
    }
    if (new Set([...ev.actors, ...ev.recipients].map((r) => r)).size < [...ev.actors, ...ev.recipients].length) return [];
    if (ev.actors.length + ev.recipients.length < (ev.type === 'CONSULT' && ev.mode === 'multilateral' ? 1 : 2)) return [];
    return [ev];
  });
}

const CLAUSE_BREAK = /[،,:؛;()"«»“”]/;
const NEAR = 8;
const DESTINATION_REACH = 10;

const COMPLEMENT = /^(?:[وف]?انه?|[وف]?انها|بان)$/;

/** "أكد بومبيو، السبت، أن المحادثات التي أجراها…": a date before the words reported dates the
 *  saying, not the event reported. */
function dateOfSaying(doc: Doc, d: DateAnn, e: EventAnn): boolean {
  if (d.from >= e.from) return false;
  for (let i = d.from + 1; i < e.from; i++) if (COMPLEMENT.test(doc.tokens[i].key)) return true;
  return false;
}

/** "وسيحط في سنغافورة … ثم يزور ماليزيا من 4 الى 6 اغسطس": a date past another trigger is that one's. */
function anotherTriggerBetween(doc: Doc, kb: Kb, d: DateAnn, e: EventAnn): boolean {
  for (let i = e.to; i < d.from; i++) if (kb.triggers.matchAt(doc.tokens, i)) return true;
  return false;
}

/** Does "بعد"، "عقب" stand between tokens a and b (an event placed after another)? */
function sequenceBetween(doc: Doc, kb: Kb, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (markerKindsAt(kb, doc.tokens, i).includes('sequence')) return true;
  return false;
}

function inMonth(d: DateAnn): DateAnn {
  return d.value && d.precision === 'day' ? { ...d, value: d.value.slice(0, 7), precision: 'month' } : d;
}

/** Is there a clause break between token i and the event's trigger? */
function clauseBetween(doc: Doc, i: number, e: EventAnn): boolean {
  const [a, b] = i < e.from ? [i, e.from] : [e.to, i];
  for (let k = a + 1; k <= b && k < doc.tokens.length; k++) if (CLAUSE_BREAK.test(doc.tokens[k].gap)) return true;
  return false;
}

/** Which of a sentence's dates belongs to an event: one in the trigger's own clause, then one
 *  after the trigger, then one before it (often the day the words were said: "قال، الأربعاء،
 *  إن…"); a full date before a weekday, a weekday before a month; the nearest last. */
function dateRank(doc: Doc, e: EventAnn, d: DateAnn): number {
  const separated = clauseBetween(doc, d.from, e);
  const place = !separated ? 0 : d.from >= e.to ? 1 : 2;
  const precision = d.precision === 'day' && /\d/.test(d.text) ? 0 : d.precision === 'day' ? 1 : 2;
  const distance = Math.min(99, Math.abs(d.from - e.from));
  return place * 1000 + (distance > NEAR ? 500 : 0) + precision * 100 + distance;
}

/** "يزور لودريان الاثنين طهران": the visited state's capital, named in the sentence, is the place. */
function visitedCapital(doc: Doc, kb: Kb, ev: EventAnn, from: number, to: number): PlaceRef | null {
  const host = ev.recipients[0] ? countryOf(doc, ev.recipients[0]) : null;
  const m = doc.mentions.find((x) => x.from >= Math.max(from, ev.to) && x.from < Math.min(to, ev.to + DESTINATION_REACH) && x.via === 'capital' && x.ref === `c:${host}`);
  const country = host ? kb.countries.get(host) : undefined;
  if (!m || !country) return null;
  return { name_ar: doc.tokens.slice(m.from, m.to).map((t) => t.text).join(' '), name_en: country.capitalEn, country: host };
}

/** A bilateral meeting's place decides between a visit and a meeting in a third country. */
function refineMode(doc: Doc, ev: EventAnn, placeCountry: string | null): void {
  if (ev.mode === 'multilateral' || ev.mode === 'phone' || ev.mode === 'visit' || !placeCountry || ev.actors.length !== 2) return;
  const [a, b] = ev.actors.map((r) => countryOf(doc, r));
  if (!a || !b || a === b) return;
  if (placeCountry === a || placeCountry === b) {
    const guest = placeCountry === a ? ev.actors[1] : ev.actors[0];
    const host = placeCountry === a ? ev.actors[0] : ev.actors[1];
    ev.mode = 'visit';
    ev.actors = [guest];
    ev.recipients = [host];
  } else ev.mode = 'third-party';
}

/** A meeting held during a visit the article reports (خلال زيارته إلى روسيا) is part of it:
 *  with a host of the visited state it is a visit, with a third party a meeting there. */
function duringTrip(doc: Doc, ev: EventAnn, trips: { visitor: Ref; country: string | null }[]): void {
  if (ev.status !== 'held' || ev.mode || ev.actors.length !== 2 || ev.recipients.length) return;
  const trip = trips.find((t) => ev.actors.includes(t.visitor));
  if (!trip?.country) return;
  const other = ev.actors.find((r) => r !== trip.visitor)!;
  const oc = countryOf(doc, other);
  if (!oc || oc === countryOf(doc, trip.visitor)) return;
  if (oc === trip.country) { ev.mode = 'visit'; ev.actors = [trip.visitor]; ev.recipients = [other]; } else ev.mode = 'third-party';
}

/** The person of a visited state who matches the visitor's rank (president for president). */
function counterpart(doc: Doc, kb: Kb, recipient: Ref, visitor: Ref): Ref | null {
  if (!recipient.startsWith('c:')) return null;
  const role = doc.entities.get(visitor)?.role ?? null;
  const code = recipient.slice(2);
  const match = [...doc.entities.values()].find((e) => e.kind === 'person' && e.country === code && sameOffice(kb, e.role, role));
  return match?.ref ?? null;
}

/** "الرئيسان"، "الجانبان": the two most mentioned people of different states in the article. */
function twoLeadingPeople(doc: Doc): Ref[] {
  const counts = new Map<Ref, number>();
  for (const m of doc.mentions) if (doc.entities.get(m.ref)?.kind === 'person') counts.set(m.ref, (counts.get(m.ref) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([r]) => r);
  const first = ranked[0];
  const second = ranked.find((r) => r !== first && countryOf(doc, r) !== countryOf(doc, first));
  return first && second ? [first, second] : [];
}

/** The people who met in the meeting the article leads with, by country: what "China and
 *  Russia pledged" means in a report of their ministers' talks. */
function meetingPrincipals(doc: Doc, events: EventAnn[]): Map<Ref, Ref> {
  const out = new Map<Ref, Ref>();
  const meeting = events.find((e) => e.type === 'CONSULT' && e.status === 'held' && e.sentence < LEAD_SENTENCES && [...e.actors, ...e.recipients].every((r) => r.startsWith('p:')) && e.actors.length + e.recipients.length === 2);
  for (const r of meeting ? [...meeting.actors, ...meeting.recipients] : []) {
    const c = countryOf(doc, r);
    if (c && !out.has(`c:${c}`)) out.set(`c:${c}`, r);
  }
  return out;
}
