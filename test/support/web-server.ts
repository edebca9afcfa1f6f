// A news site on 127.0.0.1 for the network tests: each route answers from a handler, and
// every request is logged so tests can check retries, headers and concurrency.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestSite {
  /** absolute URL of a path on the site */
  url(path: string): string;
  /** requests received, in order */
  log: { path: string; headers: IncomingMessage['headers'] }[];
  /** most requests seen in flight at once, per path prefix */
  peak(prefix: string): number;
  close(): Promise<void>;
}

export async function startSite(routes: Record<string, Handler>): Promise<TestSite> {
  const log: TestSite['log'] = [];
  const inFlight = new Map<string, number>();
  const peaks = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    log.push({ path, headers: req.headers });
    const prefix = path.split('/').slice(0, 2).join('/');
    const now = (inFlight.get(prefix) ?? 0) + 1;
    inFlight.set(prefix, now);
    peaks.set(prefix, Math.max(peaks.get(prefix) ?? 0, now));
    res.on('close', () => inFlight.set(prefix, (inFlight.get(prefix) ?? 1) - 1));
    const handler = routes[path];
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    log,
    peak: (prefix) => peaks.get(prefix) ?? 0,
    close: () => {
      // Slow handlers may still hold sockets open; they must not keep the test alive.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
