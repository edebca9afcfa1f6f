// The read side of the API: the questions `marsad events`, `search`, `actors` and `dyad` answer,
// and the articles and event clusters behind them, as JSON in the Store's own types.
import type { FastifyInstance } from 'fastify';
import type { EventQuery, Store } from '../store/types.ts';
import { VERSION } from '../version.ts';
import { CACHED } from './cache.ts';
import { findCluster } from './cluster-lookup.ts';
import { httpError } from './errors.ts';
import { consultMode, errorResponses, eventType, integer, list, object, ref, string } from './schemas.ts';

const partialDate = (what: string) => ({ type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: `${what} (YYYY, YYYY-MM or YYYY-MM-DD)` });
const iso3 = (description: string) => ({ type: 'string', pattern: '^[A-Za-z]{3}$', description });
const limit = (byDefault: number, max: number) => ({ type: 'integer', minimum: 1, maximum: max, default: byDefault, description: 'at most this many' });
const range = { from: partialDate('from this date on'), to: partialDate('up to this date, inclusive') };

/** Unknown parameters are refused, so a misspelt filter is an error rather than ignored. */
const query = (properties: Record<string, object>, required: string[] = []) => ({ type: 'object', properties, required, additionalProperties: false });

interface EventsQuery extends Omit<EventQuery, 'after'> { cursor?: string }

export function addReadRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/health', {
    schema: {
      summary: 'Liveness and database counts',
      response: { 200: object({ status: { type: 'string', enum: ['ok'] }, documents: integer, events: integer, clusters: integer, version: string }), ...errorResponses(500) },
    },
  }, async () => {
    const { documents, events, clusters } = await store.stats();
    return { status: 'ok', documents, events, clusters, version: VERSION };
  });

  app.get<{ Querystring: EventsQuery }>('/api/events', {
    ...CACHED,
    schema: {
      summary: 'Events, newest first: each real-world event once, with its number of reports and sources',
      querystring: query({
        actor: { type: 'string', minLength: 1, maxLength: 200, description: 'a participant, by Arabic or English name (لافروف, Lavrov)' },
        country: iso3('a participant of this country (ISO3)'),
        with: iso3('with country: a participant of this country too (the dyad)'),
        type: eventType,
        mode: consultMode,
        ...range,
        limit: limit(50, 1000),
        cursor: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,200}$', description: 'the `next` of the previous page' },
      }),
      response: { 200: object({ clusters: list('EventCluster'), next: { type: ['string', 'null'], description: 'the cursor of the next page, null on the last' } }), ...errorResponses(400, 500) },
    },
  }, async (request) => {
    const { cursor, ...filters } = request.query;
    try {
      return await store.events({ ...filters, after: cursor });
    } catch (err) {
      // The only input the schema cannot check is the cursor's content, which only the
      // store can read: a cursor that fails is the caller's.
      if (cursor) throw httpError(400, 'querystring.cursor is not a cursor this server gave');
      throw err;
    }
  });

  app.get<{ Params: { id: number } }>('/api/events/:id', {
    ...CACHED,
    schema: {
      summary: 'One event with every report of it and each report\'s evidence',
      params: object({ id: { ...integer, minimum: 1 } }),
      response: { 200: object({ cluster: ref('EventCluster'), mentions: list('EventMention') }), ...errorResponses(400, 404, 500) },
    },
  }, async (request) => {
    const { id } = request.params;
    const mentions = await store.eventMentions(id);
    const cluster = mentions.length ? await findCluster(store, id, mentions[0]) : null;
    if (!cluster) throw httpError(404, `no event ${id}`);
    return { cluster, mentions };
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id', {
    ...CACHED,
    schema: {
      summary: 'A stored article: cleaned text, entities, events and statements with their offsets',
      params: object({ id: { type: 'string', minLength: 1, maxLength: 2000, description: 'the article\'s key (its id at ingest), or its number in the store' } }),
      response: { 200: ref('Document'), ...errorResponses(400, 404, 500) },
    },
  }, async (request) => {
    const { id } = request.params;
    // Keys are what events and search hits link by; a number is tried as the store's own id
    // only when no article has it as its key.
    const doc = (await store.documentByKey(id)) ?? (/^[1-9]\d{0,15}$/.test(id) ? await store.document(Number(id)) : null);
    if (!doc) throw httpError(404, `no article ${JSON.stringify(id)}`);
    return { ...doc, source: doc.source ?? null, url: doc.url ?? null };
  });

  app.get<{ Querystring: { q: string; from?: string; to?: string; source?: string; limit: number } }>('/api/search', {
    ...CACHED,
    schema: {
      summary: 'Full-text search: every word must occur; Arabic spelling variants and word forms match',
      querystring: query({ q: { type: 'string', minLength: 1, maxLength: 500, description: 'the words' }, ...range, source: { type: 'string', minLength: 1, maxLength: 200 }, limit: limit(20, 100) }, ['q']),
      response: { 200: object({ hits: list('SearchHit') }), ...errorResponses(400, 500) },
    },
  }, async (request) => ({ hits: await store.search(request.query) }));

  app.get<{ Querystring: { from?: string; to?: string; country?: string; limit: number } }>('/api/actors', {
    ...CACHED,
    schema: {
      summary: 'The most active people, states and organisations',
      querystring: query({ ...range, country: iso3('only actors of this country (ISO3)'), limit: limit(30, 1000) }),
      response: { 200: object({ actors: list('ActorStats') }), ...errorResponses(400, 500) },
    },
  }, async (request) => ({ actors: await store.actors(request.query) }));

  app.get<{ Params: { a: string; b: string }; Querystring: { by: 'month' | 'year'; from?: string; to?: string } }>('/api/dyads/:a/:b', {
    ...CACHED,
    schema: {
      summary: 'Events between two countries per period and type, cooperative and conflictual',
      params: object({ a: iso3('a country (ISO3)'), b: iso3('the other country (ISO3)') }),
      querystring: query({ by: { type: 'string', enum: ['month', 'year'], default: 'month' }, ...range }),
      response: { 200: object({ a: string, b: string, by: string, buckets: list('DyadBucket') }), ...errorResponses(400, 500) },
    },
  }, async (request) => {
    const [a, b] = [request.params.a.toUpperCase(), request.params.b.toUpperCase()];
    const { by, from, to } = request.query;
    return { a, b, by, buckets: await store.dyad(a, b, by, { from, to }) };
  });
}
