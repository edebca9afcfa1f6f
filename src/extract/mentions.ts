// Gazetteer mentions: countries (by name, adjective, capital or institution), international
// organisations, places and known people, matched on normalized words.
import { markerKindsAt, type Kb, type NameHit } from '../kb/load.ts';
import { normalizeArabic, type Token } from '../kb/normalize.ts';
import type { Doc, DocEntity, Mention, Ref } from './doc.ts';

/** A name preceded by "in/to/from" or carrying ب is a location (a capital is then the city, not
 *  the government; a country is where something happens, not who does it). */
export function isLocative(tokens: Token[], i: number, head: string, kb: Kb): boolean {
  const t = tokens[i];
  if (t.key !== head && /^و?[بل]/.test(t.key)) return true;
  // a dateline: "موسكو - التقى…" at the head of a line names where, not who
  const next = tokens[i + 1];
  if ((i === 0 || /\n/.test(t.gap)) && next && /^\s*[-–—:]\s*$/.test(next.gap) && !/\n/.test(next.gap)) return true;
  return i > 0 && /^[ \t]*$/.test(t.gap) && markerKindsAt(kb, tokens, i - 1).includes('locative');
}

const SHORT_NAME = 3;

export function entityOfHit(hit: NameHit): DocEntity {
  switch (hit.kind) {
    case 'country': {
      const c = hit.country;
      return { ref: `c:${c.iso3}`, kind: 'country', nameAr: c.nameAr, nameEn: c.nameEn, code: c.iso3, country: c.iso3, role: null };
    }
    case 'org':
      return { ref: `o:${hit.org.code}`, kind: 'org', nameAr: hit.org.nameAr, nameEn: hit.org.nameEn, code: hit.org.code, country: null, role: null };
    case 'place':
      return { ref: `pl:${hit.place.nameEn}`, kind: 'place', nameAr: hit.place.nameAr, nameEn: hit.place.nameEn, code: null, country: hit.place.country, role: null };
    case 'person': {
      const p = hit.person;
      return { ref: `p:${p.id}`, kind: 'person', nameAr: p.namesAr[0], nameEn: p.nameEn, code: null, country: null, role: null, person: p };
    }
  }
}

function capitalAsPlace(hit: Extract<NameHit, { kind: 'country' }>, surface: string): DocEntity {
  const c = hit.country;
  return { ref: `pl:${c.capitalEn ?? surface}`, kind: 'place', nameAr: surface, nameEn: c.capitalEn, code: null, country: c.iso3, role: null };
}

/** Picks what an ambiguous name stands for here: the entry spelled as written first. */
function choose(hits: NameHit[], locative: boolean, surface: string): NameHit {
  if (hits.length > 1) {
    const spelled = hits.filter((h) => surface.endsWith(h.form));
    if (spelled.length && spelled.length < hits.length) hits = spelled;
  }
  const rank = (h: NameHit) =>
    h.kind === 'person' ? 0 : h.kind === 'org' ? 1 : h.kind === 'country' && h.via !== 'capital' ? 2
      : h.kind === 'place' ? (locative ? 3 : 5) : locative ? 4 : 3;
  return hits.reduce((a, b) => (rank(b) < rank(a) ? b : a));
}

export function findMentions(doc: Doc, kb: Kb): Doc {
  const entities = new Map<Ref, DocEntity>(doc.entities);
  const mentions: Mention[] = [];
  const { tokens } = doc;
  for (const m of kb.names.scan(tokens)) {
    const locative = isLocative(tokens, m.from, m.head, kb);
    const surface = normalizeArabic(tokens.slice(m.from, m.to).map((t) => t.text).join(' '));
    const hit = choose(m.values, locative, surface);
    // A short name must be spelled as listed: folded, غوا would also be جوا ("by air").
    if (hit.form.length <= SHORT_NAME && !surface.endsWith(hit.form)) continue;
    // A national body named like an organisation (مجلس الأمن القومي، مجلس الأمن الروسي) is its country.
    if (hit.kind === 'org' && m.to < tokens.length) {
      const next = kb.names.matchAt(tokens, m.to, false);
      const nextHit = next?.values.find((v) => v.kind === 'country' && v.via === 'adjective');
      if (nextHit || markerKindsAt(kb, tokens, m.to).includes('domestic')) {
        if (nextHit) addMention(entities, mentions, entityOfHit(nextHit), m.from, next!.to, 'institution');
        continue;
      }
    }
    let entity = entityOfHit(hit);
    let via: Mention['via'] = hit.kind === 'country' ? hit.via : hit.kind === 'place' ? 'place' : 'name';
    if (hit.kind === 'country' && hit.via === 'capital' && locative) {
      entity = capitalAsPlace(hit, tokens.slice(m.from, m.to).map((t) => t.text).join(' ').replace(/^و?[بل]/, ''));
      via = 'place';
    }
    // "بالعاصمة الفنلندية": the capital of the state the adjective names
    if (hit.kind === 'country' && hit.via === 'adjective' && m.from > 0 && markerKindsAt(kb, tokens, m.from - 1).includes('capital') && hit.country.capitalAr) {
      const c = hit.country;
      addMention(entities, mentions, { ref: `pl:${c.capitalEn ?? c.capitalAr}`, kind: 'place', nameAr: c.capitalAr!, nameEn: c.capitalEn, code: null, country: c.iso3, role: null }, m.from - 1, m.to, 'place');
      mentions[mentions.length - 1].locative = true;
    }
    addMention(entities, mentions, entity, m.from, m.to, via);
    if (locative) mentions[mentions.length - 1].locative = true;
  }
  return { ...doc, entities, mentions };
}

export function addMention(entities: Map<Ref, DocEntity>, mentions: Mention[], e: DocEntity, from: number, to: number, via: Mention['via']): void {
  if (!entities.has(e.ref)) entities.set(e.ref, e);
  mentions.push({ from, to, ref: e.ref, via });
}
