// `--format text`: the events of each article glossed in English from their fields, so a
// reader without Arabic can follow the data, each with its Arabic evidence beneath.
import type { Actor, ContractDoc, ContractEvent, EventType } from '../extract/types.ts';

/** English name of a country from its ISO alpha-3 code. */
export type CountryName = (iso3: string) => string;

/** Past tense for held events, base form after "will" for planned ones. Symmetric events
 *  with all parties among the actors read without the preposition ("X and Y agreed"). */
const VERBS: Record<Exclude<EventType, 'CONSULT'>, [held: string, planned: string]> = {
  AGREE: ['agreed with', 'agree with'],
  SUPPORT: ['expressed support for', 'express support for'],
  CONCEDE: ['made concessions to', 'make concessions to'],
  COOPERATE: ['cooperated with', 'cooperate with'],
  AID: ['gave aid to', 'give aid to'],
  RETREAT: ['backed down toward', 'back down toward'],
  REQUEST: ['called on', 'call on'],
  ACCUSE: ['accused', 'accuse'],
  REJECT: ['rejected', 'reject'],
  THREATEN: ['threatened', 'threaten'],
  PROTEST: ['protested against', 'protest against'],
  SANCTION: ['sanctioned', 'sanction'],
  MOBILIZE: ['mobilized against', 'mobilize against'],
  COERCE: ['coerced', 'coerce'],
  ASSAULT: ['attacked', 'attack'],
};

const INDENT = '  ';

/** The article's block of lines, ending with a blank line that separates it from the next. */
export function formatReport(doc: ContractDoc, countryName: CountryName): string {
  const name = countryNameIn(doc, countryName);
  const lines = [`${doc.id} — ${doc.title ? `«${oneLine(doc.title)}»` : '(no title)'} — ${doc.published ? `published ${doc.published}` : 'undated'}`];
  for (const event of doc.events) {
    lines.push(INDENT + glossEvent(event, name), `${INDENT}${INDENT}«${oneLine(event.evidence.text)}»`);
  }
  for (const statement of doc.statements) lines.push(`${INDENT}${actorName(statement.speaker, name)}: «${oneLine(statement.text)}»`);
  if (!doc.events.length && !doc.statements.length) lines.push(`${INDENT}(no events or statements)`);
  return lines.join('\n') + '\n\n';
}

/** "2023-09-20 — Wang Yi (China) visited Vladimir Putin (Russia) in Saint Petersburg [CONSULT/visit, held]" */
export function glossEvent(event: ContractEvent, countryName: CountryName): string {
  const subject = event.actors.length ? listOf(event.actors.map((a) => actorName(a, countryName))) : 'someone';
  const object = listOf(event.recipients.map((a) => actorName(a, countryName)));
  const place = event.place ? ` in ${event.place.name_en ?? event.place.name_ar}` : '';
  const tag = `[${event.type}${event.mode ? `/${event.mode}` : ''}${event.status ? `, ${event.status}` : ''}]`;
  const clause = [subject, verbOf(event), object].filter(Boolean).join(' ');
  return `${event.date?.value ?? 'undated'} — ${clause}${place} ${tag}`;
}

function verbOf(event: ContractEvent): string {
  const planned = event.status === 'planned';
  if (event.type !== 'CONSULT') {
    const [held, base] = VERBS[event.type];
    const verb = planned ? `will ${base}` : held;
    return event.recipients.length ? verb : verb.replace(/ (with|to|for|on|against|toward)$/, '');
  }
  if (event.mode === 'visit') return planned ? `${event.actors.length > 1 ? 'are' : 'is'} to visit` : 'visited';
  if (event.mode === 'phone') return planned ? 'will speak by phone with' : 'spoke by phone with';
  return planned ? 'will meet' : 'met';
}

function actorName(actor: Actor, countryName: CountryName): string {
  const name = actor.name_en ?? actor.name_ar;
  // A country actor is its own country; "Russia (Russia)" says nothing.
  return actor.country && actor.kind !== 'country' ? `${name} (${countryName(actor.country)})` : name;
}

/** The article's own country entities come first: they usually cover its actors'
 *  countries, and carry the English name the extractor chose. */
function countryNameIn(doc: ContractDoc, fallback: CountryName): CountryName {
  const named = new Map<string, string>();
  for (const e of doc.entities) if (e.kind === 'country' && e.code && e.name_en) named.set(e.code, e.name_en);
  return (iso3) => named.get(iso3) ?? fallback(iso3);
}

function listOf(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
