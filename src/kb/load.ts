// Loads data/ once into frozen lookup structures. Everything Marsad knows about the world
// comes through here; the stages receive the Kb and never read files themselves.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTsv, values, type Row } from './tsv.ts';
import { PhraseTrie } from './trie.ts';
import { nameKey, normalizeArabic, type Token } from './normalize.ts';
import { compileBoilerplate, type BoilerplateRules } from '../extract/clean.ts';

export interface Country { iso3: string; nameEn: string; nameAr: string; capitalAr: string | null; capitalEn: string | null }
export interface Org { code: string; nameEn: string; nameAr: string }
export interface Place { nameEn: string; nameAr: string; country: string | null; kind: string }
export interface PersonRole { country: string | null; role: string; from: string; to: string }
export interface Person { id: string; nameEn: string; namesAr: string[]; roles: PersonRole[] }
export interface Title { titleAr: string; role: string; sector: string }

/** What a name in the text can stand for. */
/** What a name in the text can stand for; `form` is the listed spelling, normalized but not
 *  folded, which settles names whose folded keys collide (قازان Kazan, جازان Jazan). */
export type NameHit = { form: string } & (
  | { kind: 'country'; via: 'name' | 'adjective' | 'capital' | 'institution'; country: Country }
  | { kind: 'org'; org: Org }
  | { kind: 'place'; place: Place }
  | { kind: 'person'; person: Person });

export interface Trigger { type: string; mode: string | null; status: string | null; frame: string; pos: string }
export interface ReportingCue { kind: string; direct: boolean }
export interface DateWord { kind: string; value: number }
export interface Marker { kind: string }

export interface Kb {
  dataDir: string;
  countries: Map<string, Country>;
  orgs: Map<string, Org>;
  people: Map<string, Person>;
  names: PhraseTrie<NameHit>;
  titles: PhraseTrie<Title>;
  triggers: PhraseTrie<Trigger>;
  reporting: PhraseTrie<ReportingCue>;
  dateWords: PhraseTrie<DateWord>;
  markers: PhraseTrie<Marker>;
  stopwords: Set<string>;
  /** frequent words that are in no known name (normalized keys, from common_words.tsv) */
  commonWords: Set<string>;
  boilerplate: BoilerplateRules;
  /** office families (foreign affairs: foreign minister, secretary of state…) by role */
  roleFamilies: Map<string, string>;
  /** first words of known people's full names (سيرغي، دونالد، محمد): a given name before an
   *  unknown word starts a person's name even without a title */
  givenNames: Set<string>;
  /** every word a lexicon phrase starts with, and word beginnings for `*` entries */
  firstWords: Set<string>;
  /** by their first letter */
  firstPrefixes: Map<string, string[]>;
}

const DEFAULT_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
const cache = new Map<string, Kb>();

export function loadKb(dataDir = DEFAULT_DIR): Kb {
  let kb = cache.get(dataDir);
  if (!kb) { kb = buildKb(dataDir); cache.set(dataDir, kb); }
  return kb;
}

function rows(dir: string, file: string): Row[] {
  const path = join(dir, file);
  return existsSync(path) ? readTsv(path) : [];
}

function buildKb(dir: string): Kb {
  const names = new PhraseTrie<NameHit>();
  const countries = new Map<string, Country>();
  for (const r of rows(dir, 'gazetteer/countries.tsv')) {
    const capitals = values(r.capital_ar);
    const c: Country = { iso3: r.iso3, nameEn: r.name_en, nameAr: values(r.names_ar)[0] ?? r.name_en, capitalAr: capitals[0] ?? null, capitalEn: r.capital_en || null };
    countries.set(c.iso3, c);
    for (const n of values(r.names_ar)) names.add(n, { form: normalizeArabic(n), kind: 'country', via: 'name', country: c });
    for (const n of values(r.adjectives_ar)) names.add(n, { form: normalizeArabic(n), kind: 'country', via: 'adjective', country: c });
    for (const n of capitals) names.add(n, { form: normalizeArabic(n), kind: 'country', via: 'capital', country: c });
    for (const n of values(r.institutions_ar)) names.add(n, { form: normalizeArabic(n), kind: 'country', via: 'institution', country: c });
  }
  const orgs = new Map<string, Org>();
  for (const r of rows(dir, 'gazetteer/orgs.tsv')) {
    const o: Org = { code: r.code, nameEn: r.name_en, nameAr: values(r.names_ar)[0] ?? r.code };
    orgs.set(o.code, o);
    for (const n of values(r.names_ar)) names.add(n, { form: normalizeArabic(n), kind: 'org', org: o });
  }
  for (const r of rows(dir, 'gazetteer/places.tsv')) {
    const p: Place = { nameEn: r.name_en, nameAr: values(r.names_ar)[0] ?? r.name_en, country: r.country || null, kind: r.kind };
    for (const n of values(r.names_ar)) names.add(n, { form: normalizeArabic(n), kind: 'place', place: p });
  }
  const people = new Map<string, Person>();
  for (const r of rows(dir, 'actors/people.tsv')) {
    let p = people.get(r.id);
    if (!p) { p = { id: r.id, nameEn: r.name_en, namesAr: [], roles: [] }; people.set(r.id, p); }
    for (const n of values(r.names_ar)) if (!p.namesAr.includes(n)) { p.namesAr.push(n); names.add(n, { form: normalizeArabic(n), kind: 'person', person: p }); }
    p.roles.push({ country: r.country || null, role: r.role, from: r.from, to: r.to });
  }
  const plainStopwords = new Set(rows(dir, 'lexicon/stopwords.tsv').map((r) => normalizeArabic(r.word)));
  const titles = new PhraseTrie<Title>({ spelled: true });
  for (const r of rows(dir, 'lexicon/titles.tsv')) titles.add(r.title_ar, { titleAr: r.title_ar, role: r.role_en, sector: r.sector });
  const triggers = new PhraseTrie<Trigger>({ spelled: true, blocked: plainStopwords });
  for (const r of rows(dir, 'lexicon/events.tsv')) triggers.add(r.trigger_ar, { type: r.type, mode: r.mode || null, status: r.status || null, frame: r.frame, pos: r.pos });
  const reporting = new PhraseTrie<ReportingCue>({ spelled: true, blocked: plainStopwords });
  for (const r of rows(dir, 'lexicon/reporting.tsv')) reporting.add(r.phrase_ar, { kind: r.kind, direct: r.content === 'direct' });
  const dateWords = new PhraseTrie<DateWord>({ spelled: true });
  for (const r of rows(dir, 'lexicon/dates.tsv')) dateWords.add(r.phrase_ar, { kind: r.kind, value: Number(r.value) });
  const markers = new PhraseTrie<Marker>({ spelled: true });
  for (const r of rows(dir, 'lexicon/markers.tsv')) markers.add(r.phrase_ar, { kind: r.kind });
  const stopwords = new Set(rows(dir, 'lexicon/stopwords.tsv').map((r) => nameKey(r.word)));
  const commonWords = new Set(rows(dir, 'lexicon/common_words.tsv').map((r) => r.word));
  const boilerplate = compileBoilerplate(rows(dir, 'lexicon/boilerplate.tsv'));
  const roleFamilies = new Map(rows(dir, 'lexicon/roles.tsv').map((r) => [r.role_en.toLowerCase(), r.family]));
  const givenNames = new Set([...people.values()].flatMap((p) => p.namesAr.map((n) => n.split(/\s+/)))
    .filter((w) => w.length > 1).map((w) => nameKey(w[0])).filter((w) => !stopwords.has(w)));
  const firsts = [names, titles, triggers, reporting, dateWords, markers].map((t) => t.firstWords());
  const firstWords = new Set(firsts.flatMap((f) => f.words));
  const firstPrefixes = new Map<string, string[]>();
  for (const p of new Set(firsts.flatMap((f) => f.prefixes))) firstPrefixes.set(p[0], [...(firstPrefixes.get(p[0]) ?? []), p]);
  return { dataDir: dir, countries, orgs, people, names, titles, triggers, reporting, dateWords, markers, stopwords, commonWords, roleFamilies, givenNames, boilerplate, firstWords, firstPrefixes };
}

/** Marks the words no lexicon phrase can start with, so that every later lookup skips them. */
export function markLexical(kb: Kb, tokens: Token[]): void {
  for (const t of tokens) {
    let lexical = false;
    for (let k = 0; k < t.forms.length && !lexical; k++) {
      const f = t.forms[k];
      if (kb.firstWords.has(f)) lexical = true;
      const prefixes = kb.firstPrefixes.get(f[0]);
      if (prefixes) for (let p = 0; p < prefixes.length && !lexical; p++) if (f.startsWith(prefixes[p])) lexical = true;
    }
    t.lexical = lexical;
  }
}

const NO_KINDS: string[] = [];
const markerCache = new WeakMap<Token[], (string[] | undefined)[]>();

/** The kinds of the marker phrases that start at token `i` (future, sideline, locative…),
 *  computed once per word of a document: every stage asks about the same words. */
export function markerKindsAt(kb: Kb, tokens: Token[], i: number): string[] {
  if (i < 0 || i >= tokens.length) return NO_KINDS;
  let memo = markerCache.get(tokens);
  if (!memo) { memo = new Array(tokens.length); markerCache.set(tokens, memo); }
  return (memo[i] ??= kb.markers.matchAt(tokens, i)?.values.map((m) => m.kind) ?? NO_KINDS);
}

/** Do two roles hold the same office (foreign minister and secretary of state do)? */
export function sameOffice(kb: Kb, a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const fa = kb.roleFamilies.get(a.toLowerCase()) ?? a.toLowerCase();
  const fb = kb.roleFamilies.get(b.toLowerCase()) ?? b.toLowerCase();
  return fa === fb || fa.endsWith(fb) || fb.endsWith(fa);
}

/** The role a person held on a date (the latest role when the date is unknown). A partial
 *  date (2025, 2025-01) covers its whole year or month. */
export function roleOn(p: Person, date: string | null): PersonRole {
  const valid = date ? p.roles.filter((r) => r.from.slice(0, date.length) <= date && (!r.to || date.slice(0, r.to.length) <= r.to)) : [];
  const pool = valid.length ? valid : p.roles;
  return pool.reduce((a, b) => (b.from > a.from ? b : a));
}
