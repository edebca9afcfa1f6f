// Every error the API gives is JSON {error, message, statusCode}: validation failures name the
// field, a server fault says only that it happened (the details go to the server's log, never
// to the client, so no stack trace or SQL leaks out).
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';

export interface ApiError { error: string; message: string; statusCode: number }

/** An error the handlers throw to answer with this status and message. */
export function httpError(statusCode: number, message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode });
}

export const errorBody = (statusCode: number, message: string): ApiError => ({ error: STATUS_CODES[statusCode] ?? 'Error', message, statusCode });

/** Fastify's own wording for these is vague or internal. */
const MESSAGES: Record<string, (request: FastifyRequest) => string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => 'request body too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (request) => `unsupported content type ${JSON.stringify(request.headers['content-type'] ?? '')}: send application/json`,
  FST_ERR_CTP_EMPTY_JSON_BODY: () => 'the JSON body is empty',
};

/** "querystring.limit must be <= 1000", "body has an unknown property 'txt'", one per problem. */
export function validationMessage(errors: FastifySchemaValidationError[], dataVar: string): string {
  const where = (path: string) => `${dataVar}${path.replace(/\//g, '.')}`;
  const messages = errors.map((e) => {
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'additionalProperties') return `${where(e.instancePath)} has an unknown property '${String(params.additionalProperty)}'`;
    if (e.keyword === 'enum') return `${where(e.instancePath)} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    return `${where(e.instancePath)} ${e.message ?? 'is invalid'}`;
  });
  return [...new Set(messages)].join('; ');
}

export function installErrorHandlers(app: FastifyInstance, logFault: (err: Error, request: FastifyRequest) => void): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = err.validation ? 400 : err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) {
      logFault(err, request);
      return reply.status(status).send(errorBody(status, 'the server failed to answer this request; the error is in its log'));
    }
    const message = err.code && MESSAGES[err.code] ? MESSAGES[err.code](request) : err.message;
    return reply.status(status).send(errorBody(status, message));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody(404, `no such resource: ${request.method} ${request.url.split('?')[0]}`));
  });
}
