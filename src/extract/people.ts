// People: titles ("وزير الخارجية الروسي"), people discovered from titled mentions (title +
// nationality + name, or name + appositive title), and later short mentions of them
// ("لافروف", "وانغ", even the wrong "بينغ" for Xi) resolved within the document.
import { roleOn, sameOffice, type Kb } from '../kb/load.ts';
import { nameKey as nameKeyOf, type Token } from '../kb/normalize.ts';
import { joined } from '../kb/trie.ts';
import { addMention } from './mentions.ts';
import { sentenceOf } from './segment.ts';
import type { Doc, DocEntity, Mention, Ref, TitleMention } from './doc.ts';

const MAX_NAME_WORDS = 4;
const NAME_LINKS = /^(بن|ابن|بنت|أبو|ابو|عبد|آل|ال|دي|دا|فون|فان|در|دو|لا)$/;

export function isStopword(kb: Kb, t: Token): boolean {
  return t.forms.slice(0, 2).some((f) => kb.stopwords.has(f));
}

/** Tokens covered by a mention or a title, by index. */
function coverage(doc: Doc, titles: TitleMention[]): Int32Array {
  const cover = new Int32Array(doc.tokens.length).fill(-1);
  doc.mentions.forEach((m, k) => { for (let i = m.from; i < m.to; i++) cover[i] = k; });
  for (const t of titles) for (let i = t.from; i < t.to; i++) if (cover[i] < 0) cover[i] = -2;
  return cover;
}

/** Could token i be part of a person's name? Lexicon phrases of any other kind rule it out. */
function nameWord(doc: Doc, kb: Kb, cover: Int32Array, i: number): boolean {
  const t = doc.tokens[i];
  if (cover[i] !== -1 || t.key.length < 2 || /\d/.test(t.key)) return false;
  if (isStopword(kb, t) || t.forms.some((f) => kb.commonWords.has(f))) return false;
  if (kb.triggers.matchAt(doc.tokens, i, false) || kb.reporting.matchAt(doc.tokens, i, false) || kb.dateWords.matchAt(doc.tokens, i, false) || kb.markers.matchAt(doc.tokens, i, false)) return false;
  if (kb.titles.startsWith(t.forms)) return false;
  // a future verb (سيعلن، ستجتمع) is no name: without its س it is a known verb
  if (/^س[يتن]/.test(t.key) && [kb.triggers, kb.reporting].some((trie) => trie.startsWith([t.key.slice(1)]))) return false;
  return true;
}

/** The run of name words starting at i (a given name first, so not one with ال). */
function nameAfter(doc: Doc, kb: Kb, cover: Int32Array, i: number, end: number, givenFirst = false): number {
  const { tokens } = doc;
  if (i >= end || tokens[i].key.startsWith('ال') || (!givenFirst && !nameWord(doc, kb, cover, i))) return i;
  let j = i + 1;
  // a link word (بن، فون، دي) and the word after it belong to the name even when common
  const linked = (k: number) => (NAME_LINKS.test(tokens[k].text) || NAME_LINKS.test(tokens[k - 1].text)) && cover[k] === -1 && !/\d/.test(tokens[k].key);
  while (j < end && j - i < MAX_NAME_WORDS + 2 && joined(tokens[j]) && (linked(j) || nameWord(doc, kb, cover, j))) {
    if (j - i >= MAX_NAME_WORDS && !NAME_LINKS.test(tokens[j - 1].text)) break;
    j++;
  }
  while (j - 1 > i && NAME_LINKS.test(tokens[j - 1].text)) j--;
  return j;
}

/** The run of name words ending just before i. */
function nameBefore(doc: Doc, kb: Kb, cover: Int32Array, i: number, start: number): number {
  let j = i;
  while (j > start && i - j < 3 && nameWord(doc, kb, cover, j - 1) && (j === i || joined(doc.tokens[j]))) j--;
  while (j < i && doc.tokens[j].key.startsWith('ال') && j + 1 < i) j++;
  return j;
}

function slug(tokens: Token[]): string {
  return tokens.map((t) => t.key).join('-');
}

export function findPeople(doc: Doc, kb: Kb): Doc {
  const entities = new Map(doc.entities);
  const mentions = [...doc.mentions];
  const { tokens } = doc;

  // Known people take their country and role on the document's date.
  for (const e of entities.values()) {
    if (e.person) {
      const r = roleOn(e.person, doc.refDate);
      e.country = r.country;
      e.role = r.role;
    }
  }

  // Titles, chained when consecutive (عضو مجلس الدولة وزير الخارجية).
  const raw = kb.titles.scan(tokens);
  const titles: TitleMention[] = [];
  for (const m of raw) {
    const prev = titles.at(-1);
    if (prev && prev.to === m.from && joined(tokens[m.from])) {
      prev.to = m.to;
      prev.title = { ...m.values[0], role: `${prev.title.role} and ${m.values[0].role}` };
    } else titles.push({ from: m.from, to: m.to, title: m.values[0], country: null, holder: null });
  }
  // Names inside a title are part of it (سكرتير مجلس الأمن), its country adjective stays.
  const inTitle = (m: Mention) => titles.some((t) => m.from >= t.from && m.to <= t.to && m.via === 'name');
  const kept = mentions.filter((m) => !inTitle(m));
  mentions.length = 0;
  mentions.push(...kept);
  mentions.sort((a, b) => a.from - b.from);

  const sentenceEnd = (i: number) => doc.sentences.find((s) => s.from <= i && i < s.to)?.to ?? tokens.length;
  const mentionAt = (i: number) => mentions.find((m) => m.from === i);
  const overlapping = (t: TitleMention) => mentions.filter((m) => m.from < t.to + 3 && m.to > t.from);

  const cover = coverage({ ...doc, mentions }, titles);
  const claim = (from: number, to: number) => { for (let k = from; k < to; k++) cover[k] = mentions.length - 1; };
  for (const t of titles) {
    // The title's country: an adjective or country name inside or right after it.
    let after = t.to;
    for (const m of overlapping(t)) {
      const e = entities.get(m.ref);
      if (e?.kind === 'country' && (m.from < t.to || m.from === after) && (m.from === after ? joined(tokens[m.from]) || m.via === 'adjective' : true)) {
        if (!t.country) t.country = e.code;
        after = Math.max(after, m.to);
      }
    }
    const end = sentenceEnd(t.from);
    let i = after;
    while (i < end && kb.titles.matchAt(tokens, i)) i = kb.titles.matchAt(tokens, i)!.to; // honorific chains
    const next = i < end ? mentionAt(i) : undefined;
    if (next && entities.get(next.ref)?.kind === 'person') { t.holder = next.ref; continue; }
    const j = nameAfter(doc, kb, cover, i, end);
    if (j > i && (j - i >= 2 || t.country)) {
      t.holder = discover(entities, mentions, tokens, i, j, t);
      claim(i, j);
      continue;
    }
    // Appositive: NAME، TITLE (not "NAME ووزير…", which introduces someone else)
    if (t.from > 0 && !(tokens[t.from].key.startsWith('و') && tokens[t.from].forms.length > 1)) {
      const before = mentions.find((m) => m.to === t.from && entities.get(m.ref)?.kind === 'person');
      if (before) { t.holder = before.ref; continue; }
      const s = doc.sentences.find((x) => x.from <= t.from && t.from < x.to)?.from ?? 0;
      const k = nameBefore(doc, kb, cover, t.from, s);
      const comma = /[،,]/.test(tokens[t.from].gap);
      if (k < t.from && (comma || t.from - k >= 2) && t.from - k >= 2) { t.holder = discover(entities, mentions, tokens, k, t.from, t); claim(k, t.from); }
    }
  }
  for (const t of titles) {
    const e = t.holder ? entities.get(t.holder) : undefined;
    if (e && !e.person) {
      e.country ??= t.country;
      if (!t.title.sector.startsWith('relative')) e.role ??= t.title.role;
    }
  }
  discoverByGivenName(doc, kb, entities, mentions, cover);
  mergeIntoKnown(doc, entities, mentions, titles);
  mentions.sort((a, b) => a.from - b.from);
  resolveAliases(doc, kb, entities, mentions, titles);
  mentions.sort((a, b) => a.from - b.from);
  return { ...doc, entities, mentions, titles };
}

function discover(entities: Map<Ref, DocEntity>, mentions: Mention[], tokens: Token[], i: number, j: number, t: TitleMention): Ref {
  const words = tokens.slice(i, j);
  const ref = `p:~${slug(words)}`;
  const nameAr = words.map((w) => w.text).join(' ');
  const role = t.title.sector.startsWith('relative') ? null : t.title.role;
  addMention(entities, mentions, { ref, kind: 'person', nameAr, nameEn: null, code: null, country: t.country, role }, i, j, 'name');
  return ref;
}

/** An untitled name that starts with a known given name (سيرغي سكريبال، توم مالينوفسكي). */
function discoverByGivenName(doc: Doc, kb: Kb, entities: Map<Ref, DocEntity>, mentions: Mention[], cover: Int32Array): void {
  const { tokens } = doc;
  // "قال فلان الفلاني إن": two or more name words right after a reporting verb are a speaker
  const afterVerb = new Set(kb.reporting.scan(tokens).filter((m) => m.values[0].kind === 'verb').map((m) => m.to));
  for (let i = 0; i < tokens.length; i++) {
    if (cover[i] !== -1) continue;
    const given = tokens[i].forms.some((f) => kb.givenNames.has(f));
    const afterReporting = !given && afterVerb.has(i);
    if (!given && !afterReporting) continue;
    const end = doc.sentences[sentenceOf(doc.sentences, i)].to;
    const j = nameAfter(doc, kb, cover, i, end, given);
    if (j - i < 2) continue;
    const words = tokens.slice(i, j);
    const ref = `p:~${slug(words)}`;
    addMention(entities, mentions, { ref, kind: 'person', nameAr: words.map((w) => w.text).join(' ').replace(/^و(?=\S{3})/, ''), nameEn: null, code: null, country: null, role: null }, i, j, 'name');
    for (let k = i; k < j; k++) cover[k] = mentions.length - 1;
    i = j - 1;
  }
}

/** A discovered name made of words of a known person's name in the same article ("الرئيس
 *  الأمريكي دونالد" beside دونالد ترامب) is that person. */
function mergeIntoKnown(doc: Doc, entities: Map<Ref, DocEntity>, mentions: Mention[], titles: TitleMention[]): void {
  const known = [...entities.values()].filter((e) => e.person);
  for (const e of [...entities.values()]) {
    if (e.kind !== 'person' || e.person) continue;
    const words = e.nameAr.split(' ').map((w) => doc.tokens.find((t) => t.text === w)?.key ?? w);
    const owner = known.find((k) => k.person!.namesAr.some((n) => {
      const keys = n.split(/\s+/).map((w) => nameKeyOf(w));
      return words.every((w) => keys.includes(w));
    }) && (!e.country || !k.country || e.country === k.country));
    if (!owner) continue;
    for (const m of mentions) if (m.ref === e.ref) m.ref = owner.ref;
    for (const t of titles) if (t.holder === e.ref) t.holder = owner.ref;
    entities.delete(e.ref);
  }
}

/** Later mentions by one word of the full name, and bare titles ("الرئيس الصيني") of a known holder. */
function resolveAliases(doc: Doc, kb: Kb, entities: Map<Ref, DocEntity>, mentions: Mention[], titles: TitleMention[]): void {
  const { tokens } = doc;
  // A word shared by two names ("كيم" of Kim Jong Un and Kim Yong Chol) is the known person's,
  // else the first named.
  const aliases = new Map<string, Ref>();
  for (const m of mentions) {
    const e = entities.get(m.ref);
    if (e?.kind !== 'person' || m.to - m.from < 2) continue;
    for (let i = m.from; i < m.to; i++) {
      const t = tokens[i];
      const key = t.key;
      if (key.length < 2 || isStopword(kb, t) || NAME_LINKS.test(t.text)) continue;
      const owner = aliases.get(key);
      if (!owner || (!entities.get(owner)?.person && e.person)) aliases.set(key, m.ref);
    }
  }
  const cover = coverage({ ...doc, mentions }, titles);
  for (let i = 0; i < tokens.length; i++) {
    if (cover[i] !== -1) continue;
    const ref = tokens[i].forms.map((f) => aliases.get(f)).find(Boolean);
    if (ref) mentions.push({ from: i, to: i + 1, ref, via: 'alias' });
  }
  // A bare title with a country stands for the document's holder of that role, if any.
  const mentionCount = (ref: Ref) => mentions.filter((m) => m.ref === ref).length;
  for (const t of titles) {
    if (t.holder) continue;
    if (t.title.sector === 'relative-group') continue; // "نظراءه": several counterparts, no one person
    const holder = t.country ? holderIn(t, t.country) : t.title.sector === 'relative' ? counterpartOf(t) : undefined;
    if (holder) { t.holder = holder.ref; mentions.push({ from: t.from, to: t.to, ref: holder.ref, via: 'title' }); }
  }

  function holderIn(t: TitleMention, country: string): DocEntity | undefined {
    const people = [...entities.values()].filter((e) => e.kind === 'person' && e.country === country);
    // "نظيره الروسي" alone: the state's most mentioned person in the article
    const mostMentioned = people.sort((a, b) => mentionCount(b.ref) - mentionCount(a.ref))[0];
    return t.title.sector === 'relative' ? mostMentioned : people.find((e) => sameOffice(kb, e.role, t.title.role)) ?? mostMentioned;
  }

  /** "أجراها مع نظيره": the holder of the same office abroad as the sentence's first person. */
  function counterpartOf(t: TitleMention): DocEntity | undefined {
    const s = doc.sentences[sentenceOf(doc.sentences, t.from)];
    const subject = mentions.filter((m) => m.from >= s.from && m.from < t.from).map((m) => entities.get(m.ref)).find((e) => e?.kind === 'person');
    if (!subject?.country) return undefined;
    return [...entities.values()].filter((e) => e.kind === 'person' && e.country && e.country !== subject.country && sameOffice(kb, e.role, subject.role))
      .sort((a, b) => mentionCount(b.ref) - mentionCount(a.ref))[0];
  }
}
