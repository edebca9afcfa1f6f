// Events from trigger phrases (data/lexicon/events.tsv) and the actors around them, coded
// as PLOVER does: who did what to whom, with CONSULT's mode and status, in the sentence
// that states it. Dates and places are attached by their own stages.
import { markerKindsAt, type Kb, type Trigger } from '../kb/load.ts';
import type { Token } from '../kb/normalize.ts';
import { SELF, inRange, type Slot } from './actors.ts';
import type { Doc, EventAnn, Ref, Sentence } from './doc.ts';
import type { ConsultMode, EventType } from './types.ts';

const GATHERING_REACH = 7;
const FUTURE_VERB = /^[وف]?س[يتن]/;

interface Found { trigger: Trigger; from: number; to: number }

function markersIn(kb: Kb, tokens: Token[], from: number, to: number): Set<string> {
  const kinds = new Set<string>();
  for (let i = from; i < to; i++) for (const k of markerKindsAt(kb, tokens, i)) kinds.add(k);
  return kinds;
}

/** Actors joined to the first one by و (الولايات المتحدة وفرنسا وبريطانيا). */
function conjoined(doc: Doc, slots: Slot[], first: Slot, end: number): Slot[] {
  const out = [first];
  for (const s of inRange(slots, first.to, end)) {
    const prev = out[out.length - 1];
    if (s.from - prev.to > 1) break;
    const t = doc.tokens[s.from];
    const linked = /^و/.test(t.key) || (s.from > prev.to && doc.tokens[prev.to].key === 'و');
    if (!linked && !/^\s*[،,]\s*$/.test(t.gap)) break;
    if (!out.some((o) => o.ref === s.ref)) out.push(s);
  }
  return out;
}

export function findEvents(doc: Doc, kb: Kb, slots: Slot[], speakers: (Ref | null)[]): EventAnn[] {
  const events: EventAnn[] = [];
  const { tokens } = doc;
  let lastAgent: Ref | null = null;
  doc.sentences.forEach((s, si) => {
    const found: Found[] = kb.triggers.scan(tokens, s.from, s.to).map((m) => ({ trigger: m.values[0], from: m.from, to: m.to }));
    const kinds = markersIn(kb, tokens, s.from, s.to);
    const speaker = speakers[si];
    for (const f of found) {
      const ev = eventAt(doc, kb, slots, s, f, kinds, speaker ?? lastAgent);
      for (const e of ev) {
        events.push({ ...e, sentence: si });
        if (e.actors[0]?.startsWith('p:')) lastAgent = e.actors[0];
      }
    }
  });
  return events;
}

type Draft = Omit<EventAnn, 'sentence'>;

function draft(type: EventType, f: Found, actors: Ref[], recipients: Ref[], mode: ConsultMode | null, planned: boolean): Draft {
  return {
    type, mode: type === 'CONSULT' ? mode : null, status: type === 'CONSULT' ? (planned ? 'planned' : 'held') : null,
    actors, recipients, date: null, place: null, from: f.from, to: f.to, confidence: 0.7,
  };
}

function eventAt(doc: Doc, kb: Kb, slots: Slot[], s: Sentence, f: Found, kinds: Set<string>, speaker: Ref | null): Draft[] {
  const { tokens } = doc;
  const t = f.trigger;
  const type = t.type as EventType;
  const before = inRange(slots, s.from, f.from).filter((x) => x.to <= f.from);
  const after = inRange(slots, f.to, s.to);
  const planned = FUTURE_VERB.test(tokens[f.from].key) || kinds.has('future') || t.status === 'planned';
  const self = (r: Ref) => (r === SELF ? speaker ?? r : r);
  const nearestBefore = before.at(-1);

  if (type === 'CONSULT') {
    // "قمة بريكس"، "اجتماع وزراء خارجية الدول الأعضاء بمنظمة شنغهاي": the organisation meets.
    if (t.frame === 'gathering' || t.frame === 'with') {
      const org = after.find((x) => x.ref.startsWith('o:') && x.from - f.to <= GATHERING_REACH);
      const between = markerKindsAt(kb, tokens, f.to).includes('between');
      if (t.frame === 'gathering' && org && !between && !before.some((b) => b.ref.startsWith('p:') && f.from - b.to <= 3)) {
        return [draft(type, f, [org.ref], [], 'multilateral', planned)];
      }
      if (between && after.length >= 2) {
        const parties = conjoined(doc, slots, after[0], s.to).map((x) => self(x.ref));
        if (parties.length >= 2) return [draft(type, f, parties, [], parties.length > 2 ? 'multilateral' : t.mode as ConsultMode | null, planned)];
      }
    }
    if (t.frame === 'host') {
      const host = nearestBefore ?? after[0];
      const guest = after.find((x) => x.ref !== host?.ref);
      if (!host || !guest) return [];
      return [draft(type, f, [guest.ref], [host.ref], 'visit', planned)];
    }
    if (t.frame === 'visit') {
      const visitor = t.pos === 'noun' ? after[0] ?? nearestBefore : nearestBefore ?? after[0];
      if (!visitor) return [];
      const dest = after.find((x) => x.from > visitor.from && x.ref !== visitor.ref);
      const place = !dest ? placeAfter(doc, f.to, s.to) : null;
      if (!dest && !place) return [];
      const recipient = dest?.ref ?? place!;
      return [draft(type, f, [self(visitor.ref)], [recipient], 'visit', planned)];
    }
    // with: the subject meets the one(s) after مع (or after the trigger).
    let agent = nearestBefore;
    let rest = after;
    if (!agent || (t.pos === 'verb' && after.length && f.from - agent.to > 6)) {
      if (t.pos === 'verb' && after.length >= 2) { agent = after[0]; rest = after.slice(1); }
      else if (!agent) {
        const fallback = after.length >= 2 ? after[after.length - 1] : undefined;
        if (fallback) { agent = fallback; rest = after.slice(0, -1); }
      }
    }
    const agentRef = agent ? self(agent.ref) : speaker;
    if (!agentRef || !rest.length) return [];
    const partners = conjoined(doc, slots, rest[0], s.to).map((x) => self(x.ref)).filter((r) => r !== agentRef);
    if (!partners.length) return [];
    const mode = (t.mode as ConsultMode | null) ?? (kinds.has('sideline') ? 'third-party' : null);
    if (kinds.has('group') || partners.some((p) => p.startsWith('o:'))) return [draft(type, f, [agentRef, ...partners], [], mode === 'phone' ? mode : 'multilateral', planned)];
    return partners.map((p) => draft(type, f, [agentRef, p], [], mode, planned));
  }

  // AGREE and COOPERATE are symmetric; the rest are directed.
  let agent: Slot | undefined = nearestBefore && f.from - nearestBefore.to <= 4 ? nearestBefore : undefined;
  let rest = after;
  if (!agent && t.pos === 'verb' && after.length && after[0].from - f.to <= 4) { agent = after[0]; rest = after.slice(1); }
  const agentRefs = agent ? conjoined(doc, slots, agent, f.from > agent.from ? f.from : s.to).map((x) => self(x.ref)) : speaker ? [speaker] : [];
  if (!agentRefs.length) return [];
  if (agent && agent.from > f.from) rest = rest.filter((x) => !agentRefs.includes(x.ref) && x.from > agent!.from);
  if (t.frame === 'joint') {
    if (agentRefs.length >= 2) return [draft(type, f, agentRefs, [], null, false)];
    const partner = rest.find((x) => self(x.ref) !== agentRefs[0]);
    if (!partner) return [];
    return [draft(type, f, [agentRefs[0], self(partner.ref)], [], null, false)];
  }
  const first = rest.find((x) => !agentRefs.includes(self(x.ref)));
  if (!first) return [];
  const recipients = conjoined(doc, slots, first, s.to).map((x) => self(x.ref)).filter((r) => !agentRefs.includes(r));
  return recipients.length ? [draft(type, f, [agentRefs[0]], recipients, null, false)] : [];
}

/** A place named after the trigger (the destination of a visit). */
function placeAfter(doc: Doc, from: number, to: number): Ref | null {
  const m = doc.mentions.find((x) => x.from >= from && x.from < to && doc.entities.get(x.ref)?.kind === 'place');
  if (!m) return null;
  const country = doc.entities.get(m.ref)?.country;
  return country ? `c:${country}` : null;
}
