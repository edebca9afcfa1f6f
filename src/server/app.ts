// The HTTP server: the JSON API over a Store, its OpenAPI description (/openapi.json, and
// Swagger UI at /docs) and the dashboard. Built without listening, so tests answer requests
// through app.inject and `marsad serve` decides where to listen.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Store } from '../store/types.ts';
import { VERSION } from '../version.ts';
import { addResponseCache, DEFAULT_CACHE_SECONDS } from './cache.ts';
import { addDashboard, DEFAULT_PUBLIC_DIR } from './dashboard.ts';
import { installErrorHandlers, validationMessage } from './errors.ts';
import { addReadRoutes } from './read-routes.ts';
import { SHARED_SCHEMAS } from './schemas.ts';
import { addSecurityHeaders } from './security.ts';
import { addWriteRoute } from './write-route.ts';

export interface AppOptions {
  store: Store;
  /** the bearer token POST /api/documents needs; without one the server is read-only */
  token?: string;
  /** the dashboard's files; not served when the folder is absent */
  publicDir?: string;
  /** where server faults (500s) are told; standard error by default */
  logFault?: (err: Error, request: FastifyRequest) => void;
  /** how long the read routes' answers are reused (src/server/cache.ts); 0 for never */
  cacheSeconds?: number;
}

const DOCS_PREFIX = '/docs';

const toStderr = (err: Error, request: FastifyRequest) => {
  process.stderr.write(`marsad: ${request.method} ${request.url}: ${err.stack ?? err.message}\n`);
};

export async function buildApp({ store, token, publicDir = DEFAULT_PUBLIC_DIR, logFault = toStderr, cacheSeconds = DEFAULT_CACHE_SECONDS }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Schemas refuse unknown properties instead of silently dropping them.
    ajv: { customOptions: { removeAdditional: false } },
    schemaErrorFormatter: (errors, dataVar) => new Error(validationMessage(errors, dataVar)),
  });
  installErrorHandlers(app, logFault);
  addSecurityHeaders(app, DOCS_PREFIX);
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Marsad', description: 'Political events extracted from Arabic news, with their evidence.', version: VERSION },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the MARSAD_TOKEN the server was started with' } } },
    },
    // Shared schemas keep their names (Actor, EventCluster…) in the document.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `schema-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX, uiConfig: { validatorUrl: null } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  const clearCache = addResponseCache(app, { seconds: cacheSeconds });
  addReadRoutes(app, store);
  addWriteRoute(app, store, token, clearCache);
  await addDashboard(app, publicDir);
  return app;
}
