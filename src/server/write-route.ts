// POST /api/documents, the one route that writes. It is open only to holders of the token the
// server was started with (MARSAD_TOKEN); without one configured the server is read-only. The
// token is checked before the body is read, so a stranger cannot make the server read 2 MB.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { Fetcher } from '../ingest/fetch.ts';
import type { Store } from '../store/types.ts';
import { httpError, validationMessage } from './errors.ts';
import type { PostedDocument } from './ingest-posted.ts';
import { errorResponses, integer, object, string } from './schemas.ts';

/** The largest body accepted: an article's text is refused over 2 MB by ingest as well. */
export const BODY_LIMIT = 2 * 1024 * 1024;

const url = { type: 'string', pattern: '^https?://', maxLength: 2000, description: 'the article\'s address (http or https)' };
const published = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}', maxLength: 40, description: 'publication date, YYYY-MM-DD (or a timestamp starting with one), for an article that states none' };
const source = { type: 'string', minLength: 1, maxLength: 200, description: 'the outlet; by default the URL\'s host' };
const shape = (properties: Record<string, object>, required: string) => ({ type: 'object', properties, required: [required], additionalProperties: false });

const BODY = {
  description: 'An article as text, a page as HTML, or the URL of a page to fetch.',
  oneOf: [
    shape({ text: { type: 'string', minLength: 1, description: 'the article; its headline is found in it unless title is given' }, title: { type: ['string', 'null'] }, published, source, url }, 'text'),
    shape({ html: { type: 'string', minLength: 1, description: 'the page: its main text and metadata are read as for a fetched page' }, url, published, source }, 'html'),
    shape({ url, published }, 'url'),
  ],
};

/** The errors of the body shape that was meant (the one whose key is there), not all three. */
function bodyErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const byShape = new Map<string, FastifySchemaValidationError[]>();
  for (const e of errors) {
    const shapeAt = /^#\/oneOf\/(\d+)\//.exec(e.schemaPath)?.[1];
    if (shapeAt) byShape.set(shapeAt, [...(byShape.get(shapeAt) ?? []), e]);
  }
  const meant = [...byShape.values()].find((list) => !list.some((e) => e.keyword === 'required'));
  return new Error(meant ? validationMessage(meant, dataVar) : `${dataVar} needs "text" (an article), "html" (a page) or "url" (a page to fetch)`);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Answers 403 when the server takes no documents, 401 without the right token. */
function requireToken(token: string | undefined) {
  const expected = token ? digest(token) : null;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!expected) throw httpError(403, 'this server is read-only: start it with MARSAD_TOKEN set to accept documents');
    const given = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    reply.header('www-authenticate', 'Bearer realm="marsad"');
    if (!given) throw httpError(401, 'this route needs the header Authorization: Bearer <token>');
    // Compared as digests of equal length in constant time, so timing tells nothing of the token.
    if (!timingSafeEqual(digest(given), expected)) throw httpError(401, 'wrong token');
    reply.removeHeader('www-authenticate');
  };
}

/** `onStored` is told when an article was stored, so cached answers can be dropped. */
export function addWriteRoute(app: FastifyInstance, store: Store, token: string | undefined, onStored: () => void): void {
  // One fetcher for the server's life, so its per-host limits hold across requests.
  const fetcher = new Fetcher({ retries: 1 });
  app.post<{ Body: PostedDocument }>('/api/documents', {
    bodyLimit: BODY_LIMIT,
    onRequest: requireToken(token),
    schemaErrorFormatter: bodyErrors,
    schema: {
      summary: 'Ingest an article (text, HTML, or a URL to fetch); needs Authorization: Bearer <MARSAD_TOKEN>',
      security: [{ bearer: [] }],
      body: BODY,
      response: {
        200: { description: 'the article was stored already: updated or unchanged', ...stored() },
        201: { description: 'a new article', ...stored() },
        ...errorResponses(400, 401, 403, 413, 415, 422, 500),
      },
    },
  }, async (request, reply) => {
    // Loaded on first use: the extractor and the HTML reader weigh on the start of a server
    // that may never take a document.
    const { ingestPosted } = await import('./ingest-posted.ts');
    const { key, id, status, events } = await ingestPosted(request.body, store, fetcher);
    if (status !== 'unchanged') onStored();
    return reply.status(status === 'new' ? 201 : 200).send({ id, key, status, events });
  });
}

function stored() {
  return object({
    id: { ...integer, description: 'the article\'s number in the store' },
    key: { ...string, description: 'the article\'s key: GET /api/documents/{key}' },
    status: { type: 'string', enum: ['new', 'updated', 'unchanged'] },
    events: { ...integer, description: 'events written (0 when unchanged)' },
  });
}
