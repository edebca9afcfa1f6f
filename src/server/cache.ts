// A short-lived cache of the read routes' answers. The database changes only when articles are
// ingested, while analysts (and a dashboard's every page load) ask the same questions over and
// over; a store query costs milliseconds to tens of milliseconds on a large database, and one
// server process answers one query at a time. So an answer is kept for a few seconds and shared:
// concurrent requests for the same URL wait for the one query in flight instead of each running
// it. A document posted to this server clears the cache at once; an ingest by another process
// (`marsad ingest` on the same file) shows after at most the cache's lifetime.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route's answers may be kept */
    cache?: boolean;
  }
}

/** Long enough for a burst of identical questions, short enough to show another process's
 *  ingest soon. */
export const DEFAULT_CACHE_SECONDS = 5;

/** The route option that lets a GET route's answers be kept. */
export const CACHED = { config: { cache: true } };

const cacheable = (request: FastifyRequest) => request.method === 'GET' && request.routeOptions.config.cache === true;

export interface CacheOptions {
  /** how long an answer is reused; 0 turns the cache off */
  seconds: number;
  /** bound on the answers kept, in characters of JSON */
  maxChars?: number;
}

interface Entry { payload: string; expires: number }
interface Leader { generation: number; hand(payload: string | null): void }

/** Returns the function that empties the cache (called after a write). */
export function addResponseCache(app: FastifyInstance, { seconds, maxChars = 32 * 1024 * 1024 }: CacheOptions): () => void {
  if (seconds <= 0) return () => {};
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<string | null>>();
  // The request computing an answer, and how to hand it to the requests waiting for it.
  const leaders = new WeakMap<FastifyRequest, Leader>();
  let chars = 0;
  // Counts the clears, so an answer computed before a write is not kept after it.
  let generation = 0;

  const send = (reply: FastifyReply, payload: string) => reply.type('application/json; charset=utf-8').send(payload);
  const keep = (key: string, payload: string) => {
    const old = entries.get(key);
    if (old) chars -= old.payload.length;
    entries.delete(key);
    entries.set(key, { payload, expires: Date.now() + seconds * 1000 });
    chars += payload.length;
    // Oldest first: a Map iterates in insertion order.
    for (const [k, e] of entries) {
      if (chars <= maxChars) break;
      entries.delete(k);
      chars -= e.payload.length;
    }
  };

  app.addHook('onRequest', async (request, reply) => {
    if (!cacheable(request)) return;
    const hit = entries.get(request.url);
    if (hit && hit.expires > Date.now()) return send(reply, hit.payload);
    const pending = inFlight.get(request.url);
    if (pending) {
      const payload = await pending;
      // The leader failed (an error is not kept): this request asks for itself.
      if (payload !== null) return send(reply, payload);
      return;
    }
    let resolve!: (payload: string | null) => void;
    inFlight.set(request.url, new Promise((r) => { resolve = r; }));
    leaders.set(request, {
      generation,
      hand(payload) {
        inFlight.delete(request.url);
        leaders.delete(request);
        resolve(payload);
      },
    });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const leader = leaders.get(request);
    if (!leader) return payload;
    const ok = reply.statusCode === 200 && typeof payload === 'string';
    if (ok && leader.generation === generation) keep(request.url, payload);
    leader.hand(ok ? payload : null);
    return payload;
  });
  // A request that ends without sending (the client went away) must not leave others waiting.
  const release = async (request: FastifyRequest) => leaders.get(request)?.hand(null);
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);

  return () => {
    entries.clear();
    chars = 0;
    generation++;
  };
}
