// HTTP for ingest. A news site that is down, slow, huge or gone must cost only its own
// articles, so every request ends in a FetchResult, never in a throw. Sites are treated
// politely: a few requests at a time per host, retries spaced out, an honest User-Agent.
import { setTimeout as sleep } from 'node:timers/promises';
import { formatSize } from './settings.ts';
import { VERSION } from '../version.ts';

export const USER_AGENT = `Marsad/${VERSION} (+https://github.com/marsad)`;

/** What a server said about a version of a resource, sent back to ask "has it changed?". */
export interface Validators { etag?: string; lastModified?: string }

export type FetchResult =
  | { kind: 'ok'; url: string; contentType: string | null; body: Buffer; validators: Validators }
  | { kind: 'not-modified'; url: string }
  | { kind: 'failed'; url: string; reason: string };

export interface FetchSettings {
  /** for the whole request, body included */
  timeoutMs: number;
  /** further attempts after a 5xx answer or a network failure */
  retries: number;
  /** wait before the first retry, doubled for each further one */
  backoffMs: number;
  /** requests in flight to one host */
  perHost: number;
  /** a larger body is refused */
  maxBytes: number;
  /** aborts requests in flight and pending retries when the run stops */
  signal?: AbortSignal;
}

const DEFAULTS: FetchSettings = { timeoutMs: 20_000, retries: 3, backoffMs: 1000, perHost: 2, maxBytes: 10 * 1024 * 1024 };

const ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5';

/** One attempt's result, and whether trying again could help. */
interface Attempt { result: FetchResult; transient: boolean }

export class Fetcher {
  private readonly settings: FetchSettings;
  private readonly hosts = new Map<string, Limiter>();

  constructor(settings: Partial<FetchSettings> = {}) {
    this.settings = { ...DEFAULTS, ...settings };
  }

  /** GET `url`; with `validators`, a conditional GET that may answer `not-modified`. */
  async get(url: string, validators: Validators = {}): Promise<FetchResult> {
    let host: string;
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return failed(url, `not an http(s) URL`);
      host = parsed.host;
    } catch {
      return failed(url, 'not a valid URL');
    }
    const limiter = this.limiterFor(host);
    for (let attempt = 0; ; attempt++) {
      // The host's slot is held per attempt, not during the backoff, so one failing page
      // does not starve the others from the same site.
      const { result, transient } = await limiter.run(() => this.attempt(url, validators));
      if (!transient || attempt >= this.settings.retries || this.settings.signal?.aborted) return result;
      try {
        await sleep(this.settings.backoffMs * 2 ** attempt, undefined, { signal: this.settings.signal });
      } catch {
        return result;
      }
    }
  }

  private limiterFor(host: string): Limiter {
    let limiter = this.hosts.get(host);
    if (!limiter) this.hosts.set(host, (limiter = new Limiter(this.settings.perHost)));
    return limiter;
  }

  private async attempt(url: string, validators: Validators): Promise<Attempt> {
    const { timeoutMs, maxBytes, signal } = this.settings;
    const timeout = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: ACCEPT };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    try {
      const response = await fetch(url, { headers, signal: signal ? AbortSignal.any([timeout, signal]) : timeout });
      const finalUrl = response.url || url;
      if (response.status === 304) return { result: { kind: 'not-modified', url: finalUrl }, transient: false };
      if (!response.ok) {
        await response.body?.cancel();
        const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        return { result: failed(url, reason), transient: response.status >= 500 };
      }
      const body = await readCapped(response, maxBytes);
      if (typeof body === 'string') return { result: failed(url, body), transient: false };
      const result: FetchResult = {
        kind: 'ok', url: finalUrl, contentType: response.headers.get('content-type'), body,
        validators: validatorsOf(response.headers),
      };
      return { result, transient: false };
    } catch (err) {
      if (timeout.aborted) return { result: failed(url, `no complete answer within ${timeoutMs / 1000} s`), transient: true };
      if (signal?.aborted) return { result: failed(url, 'stopped'), transient: false };
      return { result: failed(url, networkReason(err)), transient: true };
    }
  }
}

/** The body, or the reason it was refused. */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer | string> {
  const tooLarge = (size: string) => `larger than ${formatSize(maxBytes)} (${size})`;
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return tooLarge(formatSize(declared));
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  // The declared length may be absent or false, so the cap is enforced on what arrives.
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    // Leaving the loop cancels the stream, so the rest is never downloaded.
    if (size > maxBytes) return tooLarge(`over ${formatSize(maxBytes)} received`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function validatorsOf(headers: Headers): Validators {
  const validators: Validators = {};
  const etag = headers.get('etag');
  const lastModified = headers.get('last-modified');
  if (etag) validators.etag = etag;
  if (lastModified) validators.lastModified = lastModified;
  return validators;
}

/** fetch() rejects with "fetch failed"; the cause says what actually went wrong. */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: NodeJS.ErrnoException }).cause;
  return cause?.message || cause?.code || (err instanceof Error ? err.message : String(err));
}

function failed(url: string, reason: string): FetchResult {
  return { kind: 'failed', url, reason };
}

/** At most `max` tasks at once; the others wait in order. */
class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    while (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
