// Events from trigger phrases (data/lexicon/events.tsv) and the actors around them, coded
// as PLOVER does: who did what to whom, with CONSULT's mode and status, in the sentence
// that states it. Dates, places and document-level substitutions are attached afterwards.
import { markerKindsAt, type Kb, type Trigger } from '../kb/load.ts';
import type { Token } from '../kb/normalize.ts';
import { BOTH, SELF, inRange, type Slot } from './actors.ts';
import type { Doc, EventAnn, Ref, Sentence } from './doc.ts';
import type { ConsultMode, EventType } from './types.ts';

/** How far (in words) the parts of an event may stand from its trigger. */
const REACH = { gathering: 7, with: 3, afterWith: 6, agent: 8, partner: 10, object: 4, destination: 6, marker: 6 };
const FUTURE_VERB = /^[وف]?س[يتن]/;
const IMPERFECT = /^[وف]?[يت]/;
const CLAUSE_BREAK = /[،,:؛;.()"«»“”]/;

interface Found { trigger: Trigger; from: number; to: number }
type Draft = Omit<EventAnn, 'sentence'>;

interface Context {
  doc: Doc;
  kb: Kb;
  slots: Slot[];
  s: Sentence;
  f: Found;
  kinds: Set<string>;
  speaker: Ref | null;
  /** the person the story is about so far: the latest person who acted or spoke */
  topic: Ref | null;
  /** participants of the events found earlier in the sentence */
  earlier: Ref[][];
}

function markersIn(kb: Kb, tokens: Token[], from: number, to: number): Set<string> {
  const kinds = new Set<string>();
  for (let i = from; i < to; i++) for (const k of markerKindsAt(kb, tokens, i)) kinds.add(k);
  return kinds;
}

/** No punctuation between token a (exclusive) and token b (inclusive): one clause. A
 *  parenthesis may be let through: "التقى وانغ يي هنا اليوم (الاثنين) لافروف". */
function sameClause(tokens: Token[], a: number, b: number, throughParentheses = false): boolean {
  for (let i = a + 1; i <= b && i < tokens.length; i++) {
    const gap = throughParentheses ? tokens[i].gap.replace(/[()]/g, '') : tokens[i].gap;
    if (CLAUSE_BREAK.test(gap)) return false;
  }
  return true;
}

/** Actors joined to the first one by و (الولايات المتحدة وفرنسا وبريطانيا), across an
 *  appositive title or a filler (وأيضا). */
function conjoined(doc: Doc, kb: Kb, slots: Slot[], first: Slot, end: number): Slot[] {
  const out = [first];
  for (const s of inRange(slots, first.to, end)) {
    const prev = out[out.length - 1];
    const gap = s.from - prev.to;
    const filler = gap === 1 && markerKindsAt(kb, doc.tokens, prev.to).includes('filler');
    const bareAnd = gap === 1 && doc.tokens[prev.to].key === 'و';
    if (gap > 0 && !filler && !bareAnd) break;
    const linked = filler || bareAnd || doc.tokens[s.from].key.startsWith('و') || /^\s*[،,]\s*$/.test(doc.tokens[s.from].gap);
    if (!linked) break;
    if (!out.some((o) => o.ref === s.ref)) out.push(s);
  }
  return out;
}

/** The token range of the clause holding the trigger. */
function clauseAround(c: Context): { from: number; to: number } {
  const { tokens } = c.doc;
  let from = c.f.from;
  while (from > c.s.from && !CLAUSE_BREAK.test(tokens[from].gap)) from--;
  let to = c.f.to;
  while (to < c.s.to && !CLAUSE_BREAK.test(tokens[to].gap)) to++;
  return { from, to };
}

/** "بلاده" is the speaker's country; a speaker stating his own country's position is the actor. */
function asSpeaker(c: Context, ref: Ref, agent: boolean): Ref {
  if (ref === SELF) return c.speaker ?? ref;
  if (!agent || !c.speaker || !ref.startsWith('c:')) return ref;
  const sp = c.doc.entities.get(c.speaker);
  return sp?.kind === 'person' && `c:${sp.country}` === ref ? c.speaker : ref;
}

function draft(c: Context, type: EventType, actorRefs: Ref[], recipientRefs: Ref[], mode: ConsultMode | null): Draft {
  const speakerStands = type !== 'CONSULT' && actorRefs.length === 1;
  const actors = [...new Set(actorRefs.map((r) => asSpeaker(c, r, speakerStands)))];
  const recipients = recipientRefs.map((r) => asSpeaker(c, r, false)).filter((r) => !actors.includes(r));
  const { from, to } = clauseAround(c);
  const near = markersIn(c.kb, c.doc.tokens, Math.max(from, c.f.from - REACH.marker), Math.min(to, c.f.to + REACH.marker));
  const planned = type === 'CONSULT' && (FUTURE_VERB.test(c.doc.tokens[c.f.from].key) || near.has('future') || c.f.trigger.status === 'planned');
  return {
    type, mode: type === 'CONSULT' ? mode : null, status: type === 'CONSULT' ? (planned ? 'planned' : 'held') : null,
    actors, recipients, date: null, place: null, from: c.f.from, to: c.f.to, confidence: 0.7,
  };
}

export function findEvents(doc: Doc, kb: Kb, slots: Slot[], speakers: (Ref | null)[]): EventAnn[] {
  const events: EventAnn[] = [];
  let topic: Ref | null = null;
  doc.sentences.forEach((s, si) => {
    const kinds = markersIn(kb, doc.tokens, s.from, s.to);
    const earlier: Ref[][] = [];
    const speaker = speakers[si];
    for (const m of kb.triggers.scan(doc.tokens, s.from, s.to)) {
      if (negated(kb, doc.tokens, m.from, s.from)) continue;
      const c: Context = { doc, kb, slots, s, f: { trigger: m.values[0], from: m.from, to: m.to }, kinds, speaker, topic: topic ?? speaker, earlier };
      for (const e of m.values[0].type === 'CONSULT' ? consult(c) : interaction(c)) {
        events.push({ ...e, sentence: si });
        earlier.push([...e.actors, ...e.recipients]);
        if (e.actors[0]?.startsWith('p:')) topic = e.actors[0];
      }
    }
    if (speaker?.startsWith('p:') && !earlier.length) topic = speaker;
  });
  return events;
}

/** The next trigger's position in the sentence: what follows it belongs to that event. */
function nextTrigger(c: Context): number {
  for (let i = c.f.to; i < c.s.to; i++) if (c.kb.triggers.matchAt(c.doc.tokens, i)) return i;
  return c.s.to;
}

function sidelineMode(c: Context): ConsultMode | null {
  return (c.f.trigger.mode as ConsultMode | null) ?? (c.kinds.has('sideline') ? 'third-party' : null);
}

/** The subjects joined by و that end with `last` (لافروف ومستشار الأمن القومي). */
function subjectsEndingAt(c: Context, before: Slot[], last: Slot): Ref[] {
  const k = before.indexOf(last);
  for (let j = Math.max(0, k - 3); j <= k; j++) {
    const group = conjoined(c.doc, c.kb, c.slots, before[j], c.f.from);
    if (group.includes(last)) return [...new Set(group.map((x) => x.ref))];
  }
  return [last.ref];
}

/** A state other than the subject's, named as where the subject is (في واشنطن، في كوريا). */
function placeAbroad(c: Context, subject: Ref): Ref | null {
  const home = c.doc.entities.get(subject)?.country;
  const m = c.doc.mentions.find((x) => x.from >= c.s.from && x.from < c.f.from && x.locative);
  const there = m ? (c.doc.entities.get(m.ref)?.kind === 'place' ? c.doc.entities.get(m.ref)?.country : m.ref.slice(2)) : null;
  return home && there && there !== home && c.doc.entities.has(`c:${there}`) ? `c:${there}` : null;
}

/** "لن يلتقي"، "لم يجتمع": what the text says will not or did not happen is no event. */
function negated(kb: Kb, tokens: Token[], at: number, sentenceStart: number): boolean {
  return at - 1 >= sentenceStart && markerKindsAt(kb, tokens, at - 1).includes('negation');
}

function around(c: Context): { before: Slot[]; after: Slot[] } {
  return { before: inRange(c.slots, c.s.from, c.f.from).filter((x) => x.to <= c.f.from), after: inRange(c.slots, c.f.to, c.s.to) };
}

/** The subject right before the trigger, in the same clause. */
function subjectBefore(c: Context, before: Slot[], reach: number, preferPerson = false): Slot | undefined {
  const inClause = before.filter((b) => !b.locative && c.f.from - b.to <= reach && sameClause(c.doc.tokens, b.to - 1, c.f.from));
  return (preferPerson ? inClause.filter((b) => b.ref.startsWith('p:')).at(-1) : undefined) ?? inClause.at(-1);
}

/** The subject of a verb-first clause (هنأ وانغ، ندد كيري): the actor right after the verb. */
function subjectAfter(c: Context, after: Slot[]): Slot | undefined {
  const a = after[0];
  if (!a || a.locative || a.oblique || c.f.trigger.pos !== 'verb' || a.from - c.f.to > 1 || !sameClause(c.doc.tokens, c.f.to - 1, a.from)) return undefined;
  if (a.from > c.f.to && c.doc.tokens[c.f.to].key === 'مع') return undefined;
  // an imperfect verb's subject is usually before it; "تهنئ روسيا الصين" puts subject and object after
  const objectFollows = after[1] && after[1].from - a.to <= 0;
  return a.ref.startsWith('p:') || objectFollows || !IMPERFECT.test(c.doc.tokens[c.f.from].key) ? a : undefined;
}

/** The sentence's subject so far: its first person named before the trigger, not as an object. */
function sentenceSubject(c: Context): Slot | undefined {
  return inRange(c.slots, c.s.from, c.f.from).find((x) => x.ref.startsWith('p:') && !x.oblique && !(x.from > 0 && c.doc.tokens[x.from - 1].key === 'مع'));
}

/** The parties after "بين" (قمة بين ترامب وبوتين، اجتماعا بين الممثلين … من الصين وروسيا ومنغوليا). */
function partiesBetween(c: Context, after: Slot[]): Ref[] {
  const { doc, kb, f } = c;
  let at = -1;
  let words = 0;
  // "قمة لم يسبق لها مثيل بين": a summit's parties may come a few words later
  const reach = c.f.trigger.frame === 'gathering' ? REACH.object + 1 : 2;
  for (let i = f.to; i < c.s.to && words < reach && at < 0; i++) {
    if (after.some((x) => x.from === i)) return [];
    const kinds = markerKindsAt(kb, doc.tokens, i);
    if (kinds.includes('between')) at = i;
    else if (!kinds.includes('future')) words++; // "قمة مرتقبة محتملة بين"
  }
  if (at < 0) return [];
  const first = after.find((x) => x.from > at && x.from - at <= REACH.agent);
  return first ? conjoined(doc, kb, c.slots, first, c.s.to).map((x) => x.ref) : [];
}

function tokenAfter(c: Context, key: string, from: number, reach: number): number {
  for (let i = from; i < Math.min(c.s.to, from + reach + 1); i++) if (c.doc.tokens[i].forms.includes(key)) return i;
  return -1;
}

function consult(c: Context): Draft[] {
  const { doc, kb, f } = c;
  const t = f.trigger;
  const { before, after } = around(c);
  const withAt = t.mode === 'phone' && tokenAfter(c, 'مع', f.to, REACH.with) < 0 ? tokenAfter(c, 'من', f.to, 1) : tokenAfter(c, 'مع', f.to, REACH.with);

  // "قمة بريكس"، "اجتماع وزراء خارجية الدول الأعضاء بمنظمة شنغهاي": the organisation meets.
  if (t.frame === 'gathering' || t.frame === 'with') {
    const reach = t.pos === 'verb' ? REACH.with : REACH.gathering;
    const org = after.find((x) => x.ref.startsWith('o:') && x.from - f.to <= reach);
    const parties = partiesBetween(c, after);
    const between = parties.length > 0;
    const nobodyBetween = org && !after.some((x) => x.from < org.from && x.ref.startsWith('p:'));
    if (org && nobodyBetween && !between && (withAt < 0 || withAt > org.from)) {
      const agent = t.pos === 'verb' ? subjectBefore(c, before, REACH.agent) : undefined;
      return [draft(c, 'CONSULT', agent ? [agent.ref, org.ref] : [org.ref], [], 'multilateral')];
    }
    if (between) {
      const attendee = subjectBefore(c, before, REACH.agent) ?? (t.pos === 'noun' ? sentenceSubject(c) : undefined);
      const all = [...new Set([...(attendee && parties.length > 2 ? [attendee.ref] : []), ...parties])];
      if (all.length >= 2) return [draft(c, 'CONSULT', all, [], all.length > 2 ? 'multilateral' : t.mode as ConsultMode | null)];
    }
  }
  if (t.frame === 'host' && t.pos === 'owned') {
    // "حيث كان في استقباله نظيره": the one received is the subject, the hosts follow
    const guest = sentenceSubject(c)?.ref ?? c.topic;
    const first = after.find((x) => x.from - f.to <= 1);
    if (!guest || !first) return [];
    return conjoined(doc, kb, c.slots, first, c.s.to).filter((h) => h.ref !== guest).map((h) => draft(c, 'CONSULT', [guest], [h.ref], 'visit'));
  }
  if (t.frame === 'host') {
    const host = subjectBefore(c, before, REACH.agent) ?? subjectAfter(c, after);
    const guest = after.find((x) => x.ref !== host?.ref && x.from - f.to <= REACH.partner);
    return host && guest ? [draft(c, 'CONSULT', [guest.ref], [host.ref], 'visit')] : [];
  }
  if (t.frame === 'visit') {
    // "زيارته إلى روسيا، شارك وانغ": the visitor of an owned visit is the clause's subject.
    const owned = t.pos === 'owned' ? sentenceSubject(c) ?? after.find((x) => x.ref.startsWith('p:') && !x.oblique && !sameClause(doc.tokens, f.to - 1, x.from)) ?? (c.speaker ? { from: f.from, to: f.to, ref: c.speaker } : undefined) : undefined;
    const visitor = owned ?? (t.pos === 'noun' ? (after[0] && !after[0].locative && !after[0].oblique && after[0].from - f.to <= 1 ? after[0] : subjectBefore(c, before, REACH.agent, true))
      : subjectBefore(c, before, REACH.agent, true) ?? subjectAfter(c, after) ?? sentenceSubject(c) ?? (c.topic ? { from: f.from, to: f.from, ref: c.topic } : undefined));
    if (!visitor) return [];
    const destFrom = owned ? f.to : Math.max(f.to, visitor.to);
    const place = placeAfter(doc, destFrom, c.s.to);
    const dest = after.find((x) => x.from >= destFrom && x.ref !== visitor.ref && x.from - destFrom <= REACH.destination && (!place || x.from < place.from));
    if (!dest && !place) return [];
    return [draft(c, 'CONSULT', [visitor.ref], [dest?.ref ?? place!.country], 'visit')];
  }
  // with: the subject meets the one(s) after مع, or after the verb.
  let agent = subjectBefore(c, before, REACH.agent) ?? continuedSubject(c) ?? subjectAfter(c, after);
  let partnerSlot: Slot | undefined;
  // "لقاء وزير خارجية مصر سامح شكري أمس مع الأمير محمد بن نايف": the noun's owner meets the one after مع
  // (also through a relative clause: "القمة التاريخية التي عقدها ترامب مع الزعيم الكوري")
  const owner = t.pos !== 'verb' && withAt < 0 && after[0] && after[0].from - f.to <= REACH.with + 1 && sameClause(doc.tokens, f.to - 1, after[0].from) ? after[0] : undefined;
  const ownerWith = owner ? tokenAfter(c, 'مع', owner.to, REACH.with) : -1;
  // "لافروف ومستشار الأمن القومي الأميركي ناقشا": subjects joined by و meet each other
  // (also before a noun: "الولايات المتحدة وكوريا الشمالية تجريان محادثات")
  const group = agent && agent.from < f.from && (t.pos === 'verb' || f.from - agent.to <= 1) ? subjectsEndingAt(c, before, agent) : [];
  if (group.length >= 2 && withAt < 0) return [draft(c, 'CONSULT', group, [], group.length > 2 ? 'multilateral' : t.mode as ConsultMode | null)];
  if (owner && ownerWith >= 0) {
    agent = owner;
    partnerSlot = after.find((x) => x.from > ownerWith && x.from - ownerWith <= 3);
  } else if (withAt >= 0) partnerSlot = after.find((x) => x.from > withAt && x.from - withAt <= REACH.afterWith && sameClause(doc.tokens, withAt, x.from));
  // "والتقى بولتون أيضاً، خلال زيارته لموسكو، بالرئيس بوتين": an object with ب may follow an aside
  else if (agent && agent.from > f.from) partnerSlot = after.find((x) => x.from >= agent!.to && x.ref !== agent!.ref && !x.locative && x.from - agent!.to <= REACH.agent && (x.oblique || sameClause(doc.tokens, agent!.to - 1, x.from, true)));
  // after a meeting noun, an adjective qualifies it (القمة الأميركية) rather than naming a partner
  // a meeting noun takes its partner through مع، بين or ب (اتصال بالولايات المتحدة); "لقائه
  // وزير الخارجية" names it right after; otherwise the word after a noun is its topic
  else if (t.pos === 'verb') partnerSlot = after.find((x) => !x.locative && x.from - f.to <= REACH.with && x.from < nextTrigger(c) && sameClause(doc.tokens, f.to - 1, x.from));
  else partnerSlot = after.find((x) => x.from === f.to && (t.pos === 'owned' || x.oblique) && sameClause(doc.tokens, f.to - 1, x.from));
  if (!partnerSlot && agent?.ref === BOTH) return [draft(c, 'CONSULT', [BOTH], [], sidelineMode(c))];
  if (!partnerSlot) {
    // "خلال محادثات أجرياها بالهاتف": a call whose parties are the sentence's other event's.
    const parties = c.earlier.find((p) => p.length >= 2);
    if (parties && t.mode === 'phone') return [draft(c, 'CONSULT', parties, [], 'phone')];
    // "كانت وزيرة خارجية كوريا الجنوبية في واشنطن لإجراء محادثات": talks where she went
    const abroad = agent && f.from > c.s.from && markerKindsAt(kb, doc.tokens, f.from - 1).includes('purpose') ? placeAbroad(c, agent.ref) : null;
    if (agent && abroad) return [draft(c, 'CONSULT', [agent.ref], [abroad], 'visit')];
    // "عرض ترامب على نظيره بوتن، خلال اتصال هاتفي": the two people of the clause before meet
    if (t.pos !== 'verb' && f.from > c.s.from && markerKindsAt(kb, doc.tokens, f.from - 1).includes('during')) {
      const people = [...new Set(before.filter((x) => x.ref.startsWith('p:')).map((x) => x.ref))].slice(-2);
      if (people.length === 2) return [draft(c, 'CONSULT', people, [], t.mode as ConsultMode | null)];
    }
    return [];
  }
  const partners = conjoined(doc, kb, c.slots, partnerSlot, c.s.to);
  // "محادثات أجراها بوتين مع بولتون": the person between the noun and مع leads the talks
  if (!agent && withAt >= 0) agent = after.find((x) => x.from < withAt && x.ref.startsWith('p:') && !x.oblique);
  agent ??= after.find((x) => x.from >= partners.at(-1)!.to && x.ref.startsWith('p:') && !partners.some((p) => p.ref === x.ref)) ?? sentenceSubject(c);
  // "خلال لقائه وزير الخارجية المصري": the owner of the meeting is the one speaking
  const agentRef = agent?.ref ?? (t.pos === 'owned' ? c.speaker ?? c.topic : c.topic);
  if (!agentRef) return [];
  const others = partners.map((x) => x.ref).filter((r) => r !== agentRef);
  if (!others.length) return [];
  const mode = sidelineMode(c);
  if (c.kinds.has('group') && !c.kinds.has('separately') || others.some((p) => p.startsWith('o:'))) {
    return [draft(c, 'CONSULT', [agentRef, ...others], [], mode === 'phone' ? mode : 'multilateral')];
  }
  return others.map((p) => draft(c, 'CONSULT', [agentRef, p], [], mode));
}

/** "توجه إلى موسكو … والتقى لافروف": a verb joined by و later in the sentence keeps its subject. */
function continuedSubject(c: Context): Slot | undefined {
  const t = c.doc.tokens[c.f.from];
  if (c.f.trigger.pos !== 'verb' || !t.key.startsWith('و') || c.f.from - c.s.from < 3) return undefined;
  const subject = c.earlier.find((p) => p[0]?.startsWith('p:'))?.[0];
  return subject ? { from: c.f.from, to: c.f.from, ref: subject } : undefined;
}

/** Everything but CONSULT: AGREE and COOPERATE are symmetric, the rest directed. */
function interaction(c: Context): Draft[] {
  const { doc, kb, f } = c;
  const t = f.trigger;
  const type = t.type as EventType;
  const { before, after } = around(c);
  if (t.frame === 'joint') {
    const parties = partiesBetween(c, after);
    if (parties.length >= 2) return [draft(c, type, parties, [], null)];
  }
  const agentSlot = subjectBefore(c, before, REACH.object) ?? subjectAfter(c, after);
  let agents: Ref[];
  if (agentSlot && agentSlot.from < f.from) {
    const first = before.filter((x) => x.from >= agentSlot.from - 3).find((x) => conjoined(doc, kb, c.slots, x, f.from).some((y) => y.ref === agentSlot.ref));
    agents = conjoined(doc, kb, c.slots, first ?? agentSlot, f.from).map((x) => x.ref);
  } else if (agentSlot) agents = conjoined(doc, kb, c.slots, agentSlot, c.s.to).map((x) => x.ref);
  else agents = c.speaker ? [c.speaker] : [];
  if (!agents.length) return [];
  const objectFrom = agentSlot && agentSlot.from > f.from ? Math.max(f.to, ...after.filter((x) => agents.includes(x.ref)).map((x) => x.to)) : f.to;
  if (t.frame === 'joint') {
    if (agents.length >= 2) return [draft(c, type, agents, [], null)];
    const withAt = tokenAfter(c, 'مع', objectFrom, REACH.partner);
    const partner = withAt >= 0 ? after.find((x) => x.from > withAt && x.from - withAt <= 3) : undefined;
    return partner && partner.ref !== agents[0] ? [draft(c, type, [agents[0], partner.ref], [], null)] : [];
  }
  const first = after.find((x) => x.from >= objectFrom && !agents.includes(x.ref));
  if (!first || first.from - objectFrom > REACH.object || !sameClause(doc.tokens, objectFrom - 1, first.from)) return [];
  // "أشادا بتبادل المساعدة بين الصين وروسيا": parties after بين are not what was acted on
  if (first.from > 0 && markerKindsAt(kb, doc.tokens, first.from - 1).includes('between')) return [];
  const recipients = conjoined(doc, kb, c.slots, first, c.s.to).map((x) => x.ref).filter((r) => !agents.includes(r));
  return recipients.length ? [draft(c, type, [agents[0]], recipients, null)] : [];
}

/** A place named right after the trigger (the destination of a visit), with its country. */
function placeAfter(doc: Doc, from: number, to: number): { from: number; country: Ref } | null {
  const m = doc.mentions.find((x) => x.from >= from && x.from < to && x.from - from <= REACH.object && doc.entities.get(x.ref)?.kind === 'place');
  const country = m ? doc.entities.get(m.ref)?.country : null;
  return m && country ? { from: m.from, country: `c:${country}` } : null;
}
