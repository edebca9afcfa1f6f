// Events and actors as readable text in the interface language: "Wang Yi (CHN) visited
// Vladimir Putin (RUS) in Saint Petersburg". Arabic names in Arabic, English ones when known.
import { lang, t, table } from './i18n.js';

/** "Wang Yi (CHN)"; a country is its own country, so it gets no code. */
export function actorLabel(actor) {
  const name = lang() === 'en' ? actor.name_en ?? actor.name_ar : actor.name_ar;
  return actor.country && actor.kind !== 'country' ? `${name} (${actor.country})` : name;
}

/** "China (CHN)" when the country's names are known (`named`: code → country actor), else "CHN". */
export const countryLabel = (code, named) => (named.has(code) ? `${actorLabel(named.get(code))} (${code})` : code);

/** The events-table filter that finds an actor's events: a state by its code, others by name. */
export function actorFilter(actor) {
  return actor.kind === 'country' && actor.country ? { country: actor.country } : { actor: actor.name_en ?? actor.name_ar };
}

export const typeLabel = (type) => table('types')[type] ?? type;
export const modeLabel = (mode) => table('modes')[mode] ?? mode;
export const statusLabel = (status) => table('status')[status] ?? status;

/** A cluster's date is a string, a document event's an object with its value. */
export const dateOf = (event) => (typeof event.date === 'string' ? event.date : event.date?.value) ?? null;

/** The event as a clause: actors, verb, recipients, place. Works for clusters and for the
 *  events of a document (whose place is an object). */
export function gloss(event) {
  const verbs = table('verbs');
  const [transitive, intransitive] = verbs[`${event.type}/${event.mode}`] ?? verbs[event.type] ?? [event.type, event.type];
  const subject = listOf(event.actors.map(actorLabel)) || t('someone');
  const object = listOf(event.recipients.map(actorLabel));
  const place = placeName(event.place);
  return [subject, object ? transitive : intransitive, object].filter(Boolean).join(' ') + (place ? t('in') + place : '');
}

function placeName(place) {
  if (!place || typeof place === 'string') return place;
  return lang() === 'en' ? place.name_en ?? place.name_ar : place.name_ar;
}

function listOf(names) {
  if (names.length < 2) return names[0] ?? '';
  const comma = lang() === 'ar' ? '، ' : ', ';
  return `${names.slice(0, -1).join(comma)}${t('and')}${names[names.length - 1]}`;
}
