// `marsad serve`: the JSON API and the dashboard over a database, until Ctrl-C or SIGTERM. With
// MARSAD_TOKEN set, POST /api/documents accepts articles from holders of that token;
// without it the server only reads.
import { stopOnSignals } from './signals.ts';

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  /** how long the read routes' answers are reused; by default DEFAULT_CACHE_SECONDS */
  cache?: number;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

/** Resolves to the exit status once the server has stopped: 0 when stopped by a signal, 1
 *  when the database cannot be opened or the address is taken. */
export async function runServe({ db, port, host, cache }: ServeOptions): Promise<number> {
  const token = process.env.MARSAD_TOKEN || undefined;
  const fail = (where: string, err: unknown) => {
    process.stderr.write(`marsad: ${where}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  };
  // Loaded on use, like the other commands, so `marsad --help` loads no database or server code.
  const { openStore } = await import('../store/open.ts');
  const { buildApp } = await import('../server/app.ts');
  // A read-only server on a database that does not exist would only ever answer "nothing".
  const store = await openStore(db, { mustExist: !token }).catch((err: unknown) => { fail(db, err); return null; });
  if (!store) return 1;
  const app = await buildApp({ store, token, cacheSeconds: cache });
  const stop = stopOnSignals(() => process.stderr.write('marsad: stopping the server\n'));
  try {
    let url: string;
    try {
      url = `${await app.listen({ port, host })}/`;
    } catch (err) {
      return fail(`${host}:${port}`, err);
    }
    const writes = token ? 'POST /api/documents accepts articles with the token' : 'read-only (set MARSAD_TOKEN to accept articles)';
    process.stdout.write(`Marsad is serving ${db} at ${url} (API docs at ${url}docs; ${writes}). Stop with Ctrl-C.\n`);
    if (!stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
    return 0;
  } finally {
    stop.dispose();
    // Waits for the requests in flight; idle keep-alive connections are closed.
    await app.close();
    await store.close();
  }
}
