// Hand-made articles for the store and query tests: two outlets reporting one meeting in
// different spellings (سيرغي / سيرجي), and a few other events, each with its evidence at
// the right offsets, so every query has one known answer.
import { createHash } from 'node:crypto';
import type { Actor, ContractDoc, ContractEvent, Entity } from '../../src/extract/types.ts';
import type { IngestDoc } from '../../src/store/types.ts';

export const person = (name_ar: string, name_en: string | null, country: string | null): Actor => ({ kind: 'person', name_ar, name_en, country, code: null });
export const state = (code: string, name_ar: string, name_en: string): Actor => ({ kind: 'country', name_ar, name_en, country: code, code });

interface EventSpec {
  sentence: string;
  type: ContractEvent['type'];
  actors: Actor[];
  recipients?: Actor[];
  mode?: ContractEvent['mode'];
  date?: string;
  place?: ContractEvent['place'];
}

interface ArticleSpec {
  id: string;
  source: string | null;
  url: string | null;
  published: string | null;
  title: string | null;
  sentences: string[];
  events: EventSpec[];
  /** people named in the text, with their role */
  people?: { actor: Actor; role: string; surface: string }[];
}

export function article(spec: ArticleSpec): ContractDoc {
  const text = spec.sentences.join('\n');
  const at = (s: string) => {
    const start = text.indexOf(s);
    if (start < 0) throw new Error(`not in ${spec.id}: ${s}`);
    return { start, end: start + s.length };
  };
  const entities: Entity[] = (spec.people ?? []).map(({ actor, role, surface }) => ({
    kind: 'person', name_ar: actor.name_ar, name_en: actor.name_en, mentions: [at(surface)], country: actor.country, role,
  }));
  const events = spec.events.map((e): ContractEvent => ({
    type: e.type, mode: e.mode ?? null, status: e.type === 'CONSULT' ? 'held' : null,
    actors: e.actors, recipients: e.recipients ?? [],
    date: e.date ? { value: e.date, precision: 'day', text: 'أمس' } : null,
    place: e.place ?? null,
    evidence: { ...at(e.sentence), text: e.sentence },
    confidence: 0.8,
  }));
  const statements = events.slice(0, 1).map((e) => ({ speaker: e.actors[0], ...e.evidence }));
  return {
    id: spec.id, title: spec.title, published: spec.published,
    ...(spec.source ? { source: spec.source } : {}), ...(spec.url ? { url: spec.url } : {}),
    text, entities, events, statements,
  };
}

export const ingestDoc = (doc: ContractDoc): IngestDoc => ({
  doc, hash: createHash('sha256').update(doc.text).digest('hex'), source: doc.source ?? null, url: doc.url ?? null,
});

const lavrov = (spelling: string) => person(spelling, 'Sergey Lavrov', 'RUS');
const qin = person('تشين قانغ', 'Qin Gang', 'CHN');
const putin = person('فلاديمير بوتين', 'Vladimir Putin', 'RUS');
const xi = person('شي جين بينغ', 'Xi Jinping', 'CHN');
const goa = { name_ar: 'غوا', name_en: 'Goa', country: 'IND' };

const GOA_TASS = 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني تشين قانغ في غوا أمس على هامش اجتماع منظمة شنغهاي للتعاون.';
const GOA_XINHUA = 'اجتمع وزير الخارجية الصيني تشين قانغ مع وزير الخارجية الروسي سيرجي لافروف في غوا أمس.';

/** The Goa meeting as TASS reports it. */
export const TASS = article({
  id: 'tass-1', source: 'tass', url: 'https://tass.example/1', published: '2023-05-05',
  title: 'لافروف وتشين يبحثان العلاقات الثنائية',
  sentences: [GOA_TASS, 'وبحث الجانبان العلاقات الثنائية والتعاون في إطار المنظمة.'],
  events: [{ sentence: GOA_TASS, type: 'CONSULT', mode: 'third-party', actors: [lavrov('سيرغي لافروف'), qin], date: '2023-05-04', place: goa }],
  people: [{ actor: lavrov('سيرغي لافروف'), role: 'foreign minister', surface: 'سيرغي لافروف' }, { actor: qin, role: 'foreign minister', surface: 'تشين قانغ' }],
});

/** The same meeting as Xinhua reports it, spelling the name سيرجي. */
export const XINHUA = article({
  id: 'xinhua-7', source: 'xinhua', url: 'https://xinhua.example/7', published: '2023-05-05',
  title: null,
  sentences: [GOA_XINHUA, 'وأكد الوزيران أهمية تعزيز التنسيق.'],
  events: [{ sentence: GOA_XINHUA, type: 'CONSULT', mode: 'third-party', actors: [qin, lavrov('سيرجي لافروف')], date: '2023-05-04', place: goa }],
  people: [{ actor: lavrov('سيرجي لافروف'), role: 'foreign minister', surface: 'سيرجي لافروف' }],
});

const SYRIA = 'أكدت روسيا دعمها لسوريا في مواجهة الإرهاب.';
export const SANA = article({
  id: 'sana-3', source: 'sana', url: null, published: '2023-06-10', title: 'روسيا تؤكد دعمها لسوريا',
  sentences: [SYRIA],
  events: [{ sentence: SYRIA, type: 'SUPPORT', actors: [state('RUS', 'روسيا', 'Russia')], recipients: [state('SYR', 'سوريا', 'Syria')] }],
});

const CALL = 'أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الصيني شي جين بينغ اليوم.';
export const RIA = article({
  id: 'ria-2', source: 'ria', url: 'https://ria.example/2', published: '2023-07-01', title: null,
  sentences: [CALL],
  events: [{ sentence: CALL, type: 'CONSULT', mode: 'phone', actors: [putin, xi], date: '2023-07-01' }],
  people: [{ actor: putin, role: 'president', surface: 'فلاديمير بوتين' }, { actor: xi, role: 'president', surface: 'شي جين بينغ' }],
});

const ACCUSATION = 'اتهمت الصين الولايات المتحدة بالتدخل في شؤونها الداخلية.';
export const SPA = article({
  id: 'spa-9', source: 'spa', url: null, published: '2024-01-15', title: 'الصين تتهم واشنطن',
  sentences: [ACCUSATION],
  events: [{ sentence: ACCUSATION, type: 'ACCUSE', actors: [state('CHN', 'الصين', 'China')], recipients: [state('USA', 'الولايات المتحدة', 'United States')] }],
});

/** In the order they are stored: ids 1 to 5. */
export const ARTICLES = [TASS, XINHUA, SANA, RIA, SPA];
