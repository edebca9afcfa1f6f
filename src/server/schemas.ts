// JSON Schemas of what the API answers: the Store's types (src/store/types.ts) and the
// contract document. They validate nothing on the way out; fastify serializes responses
// through them (only the properties listed here are sent) and @fastify/swagger publishes
// them in /openapi.json under their $id.
import { CONSULT_MODES, EVENT_TYPES } from '../store/types.ts';

const nullable = (type: string) => ({ type: [type, 'null'] });
export const integer = { type: 'integer' };
export const string = { type: 'string' };
export const ref = (id: string) => ({ $ref: `${id}#` });
export const list = (id: string) => ({ type: 'array', items: ref(id) });
export const object = (properties: Record<string, object>, optional: string[] = []) => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  additionalProperties: false,
});

export const eventType = { type: 'string', enum: [...EVENT_TYPES] };
export const consultMode = { type: 'string', enum: [...CONSULT_MODES] };

/** Shared schemas, registered with `app.addSchema` and referred to by $id. */
export const SHARED_SCHEMAS = [
  {
    $id: 'Error',
    description: 'Every error: the HTTP reason phrase, what went wrong, the status code.',
    ...object({ error: string, message: string, statusCode: integer }),
  },
  {
    $id: 'Actor',
    description: 'A participant or speaker: code is the ISO3 of a state or the code of an organisation.',
    ...object({ kind: { type: 'string', enum: ['person', 'country', 'org'] }, name_ar: string, name_en: nullable('string'), country: nullable('string'), code: nullable('string') }),
  },
  {
    $id: 'EventCluster',
    description: 'One real-world event with the number of its reports and sources; evidence, docKey and url are its first report\'s.',
    ...object({
      id: integer, type: eventType, mode: nullable('string'), status: nullable('string'), date: nullable('string'), place: nullable('string'),
      actors: list('Actor'), recipients: list('Actor'), mentions: integer, sources: integer, evidence: string, docKey: string, url: nullable('string'),
    }),
  },
  {
    $id: 'EventMention',
    description: 'One report of an event: its article and the evidence sentence at its offsets in the article\'s text.',
    ...object({
      docId: integer, docKey: string, source: nullable('string'), url: nullable('string'), published: nullable('string'),
      evidence: string, start: integer, end: integer, confidence: { type: 'number' },
    }),
  },
  {
    $id: 'SearchHit',
    description: 'A matching article; the snippet marks the matched words between « and ».',
    ...object({
      docId: integer, key: string, title: nullable('string'), published: nullable('string'), source: nullable('string'), url: nullable('string'),
      snippet: string, score: { type: 'number' },
    }),
  },
  {
    $id: 'ActorStats',
    ...object({ name_ar: string, name_en: nullable('string'), kind: string, country: nullable('string'), roles: { type: 'array', items: string }, events: integer, documents: integer }),
  },
  {
    $id: 'DyadBucket',
    description: 'Events of one type in one period; cooperative and conflictual split them by CAMEO quad class.',
    ...object({ period: string, type: eventType, count: integer, cooperative: integer, conflictual: integer }),
  },
  { $id: 'Span', ...object({ start: integer, end: integer }) },
  {
    $id: 'Entity',
    ...object({
      kind: { type: 'string', enum: ['person', 'country', 'org', 'place'] }, name_ar: string, name_en: nullable('string'),
      code: nullable('string'), country: nullable('string'), role: nullable('string'), mentions: list('Span'),
    }, ['code', 'country', 'role']),
  },
  {
    $id: 'ContractEvent',
    ...object({
      type: eventType, mode: nullable('string'), status: nullable('string'), actors: list('Actor'), recipients: list('Actor'),
      date: { ...object({ value: nullable('string'), precision: nullable('string'), text: string }), type: ['object', 'null'] },
      place: { ...object({ name_ar: string, name_en: nullable('string'), country: nullable('string') }), type: ['object', 'null'] },
      evidence: object({ start: integer, end: integer, text: string }),
      confidence: { type: 'number' },
    }),
  },
  { $id: 'Statement', ...object({ speaker: ref('Actor'), start: integer, end: integer, text: string }) },
  {
    $id: 'Document',
    description: 'A stored article in the contract shape (offsets index its text in UTF-16 code units), with its number in the store, source and URL. All text is plain text, never HTML.',
    ...object({
      docId: integer, id: string, title: nullable('string'), published: nullable('string'), source: nullable('string'), url: nullable('string'),
      text: string, entities: list('Entity'), events: list('ContractEvent'), statements: list('Statement'),
    }),
  },
];

/** The error answers a route can give, for its `response` schema. */
export function errorResponses(...codes: number[]): Record<number, object> {
  return Object.fromEntries(codes.map((code) => [code, ref('Error')]));
}
