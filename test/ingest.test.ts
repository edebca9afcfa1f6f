// Web ingest against a local site: encodings, metadata, feeds, and every way a request can
// fail. Timeouts are short and every wait is bounded, so a regression fails instead of hanging.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeDocument } from '../src/ingest/charset.ts';
import { writtenDate } from '../src/ingest/date.ts';
import { feedItems, type FeedContext } from '../src/ingest/feed.ts';
import { Fetcher, USER_AGENT } from '../src/ingest/fetch.ts';
import { FetchState } from '../src/ingest/fetch-state.ts';
import type { SourceItem } from '../src/ingest/items.ts';
import { pageItem } from '../src/ingest/page.ts';
import { atom, HEADLINE, html, page, PARAGRAPHS, rss, withEtag } from './support/news-site.ts';
import { startSite, type Handler, type TestSite } from './support/web-server.ts';
import { encode1256 } from './support/windows-1256.ts';

// Readability keeps the article's heading; the extractor drops it as a repeat of the title.
const TEXT = [HEADLINE, ...PARAGRAPHS].join('\n');

const TIMEOUT_MS = 300;

const paced: Handler = (_req, res) => {
  setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(page('')), 50);
};

let site: TestSite;
let fetcher: Fetcher;
let flakyCalls = 0;

before(async () => {
  const routes: Record<string, Handler> = {
    '/utf8.html': html(page('<meta charset="utf-8"><meta property="article:published_time" content="2023-09-20T23:30:00+03:00"><link rel="canonical" href="/news/utf8">')),
    '/cp1256-meta.html': html(encode1256(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'))),
    '/cp1256-header.html': html(encode1256(page('')), 'text/html; charset=windows-1256'),
    '/jsonld.html': html(page(`<meta charset="utf-8"><script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', headline: HEADLINE, datePublished: '2023-09-19T09:00:00+03:00' }] })}</script>`)),
    '/untitled.html': html(page('<meta charset="utf-8">', { withHeadline: false })),
    '/pdf': html(Buffer.from('%PDF-1.4'), 'application/pdf'),
    '/slow': (_req, res) => { setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(page('')), 3 * TIMEOUT_MS); },
    '/huge-declared': html(Buffer.alloc(200_000, 'a')),
    '/huge-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 20; i++) res.write(Buffer.alloc(10_000, 'a'));
      res.end();
    },
    '/flaky': (_req, res) => {
      flakyCalls++;
      if (flakyCalls === 1) res.writeHead(503).end('busy');
      else html(page('<meta charset="utf-8">'))(_req, res);
    },
    '/gone': (_req, res) => { res.writeHead(410).end('gone'); },
    '/paced/1': paced, '/paced/2': paced, '/paced/3': paced, '/paced/4': paced, '/paced/5': paced,
  };
  site = await startSite(routes);
  routes['/rss.xml'] = withEtag({ etag: '"rss-v1"', body: rss(['/utf8.html', '/cp1256-meta.html', '/missing'].map(site.url)) }, 'application/rss+xml; charset=utf-8');
  routes['/feed.json'] = html(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'أخبار', items: [{ id: '1', url: site.url('/jsonld.html') }] }), 'application/feed+json');
  routes['/atom.xml'] = withEtag({ etag: '"atom-v1"', body: atom(['/jsonld.html', '/cp1256-header.html']) }, 'application/atom+xml');
  fetcher = new Fetcher({ timeoutMs: TIMEOUT_MS, retries: 2, backoffMs: 20, maxBytes: 100_000 });
});

after(() => site.close());

async function docOf(path: string, published: string | null = null) {
  const item = await pageItem(site.url(path), fetcher, published);
  assert.ok('doc' in item, `expected an article, got ${JSON.stringify(item)}`);
  return item.doc;
}

async function errorOf(path: string): Promise<string> {
  const item = await pageItem(site.url(path), fetcher, null);
  assert.ok('error' in item, `expected an error, got ${JSON.stringify(item)}`);
  assert.equal(item.error.where, site.url(path));
  return item.error.reason;
}

const requestsTo = (path: string) => site.log.filter((r) => r.path === path);

test('a UTF-8 page: main text by paragraph, headline, date as the site writes it, canonical URL', async () => {
  const doc = await docOf('/utf8.html');
  assert.equal(doc.text, TEXT);
  assert.equal(doc.title, HEADLINE);
  // 23:30 in Moscow is still the 20th there, whatever the time in UTC.
  assert.equal(doc.published, '2023-09-20');
  assert.equal(doc.url, site.url('/news/utf8'));
  assert.equal(doc.id, doc.url);
  assert.equal(doc.source, '127.0.0.1');
  assert.equal(requestsTo('/utf8.html')[0].headers['user-agent'], USER_AGENT);
  assert.match(USER_AGENT, /^Marsad\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/marsad\)$/);
});

test('windows-1256 pages, declared in a meta tag or in the HTTP header', async () => {
  for (const path of ['/cp1256-meta.html', '/cp1256-header.html']) {
    const doc = await docOf(path, '2023-01-01');
    assert.equal(doc.text, TEXT, path);
    assert.equal(doc.title, HEADLINE, path);
    // No date on the page: the fallback given by the caller.
    assert.equal(doc.published, '2023-01-01', path);
    assert.equal(doc.url, site.url(path), path);
  }
});

test('the date from JSON-LD when no meta tag gives it', async () => {
  assert.equal((await docOf('/jsonld.html')).published, '2023-09-19');
});

test('without a heading in the article, the page title less the site name is the headline', async () => {
  const doc = await docOf('/untitled.html');
  assert.equal(doc.title, HEADLINE);
  assert.equal(doc.text, PARAGRAPHS.join('\n'));
});

test('a 404 or 410 is reported at once, without retries', async () => {
  assert.equal(await errorOf('/missing'), 'HTTP 404 Not Found');
  assert.equal(await errorOf('/gone'), 'HTTP 410 Gone');
  assert.equal(requestsTo('/missing').length, 1);
  assert.equal(requestsTo('/gone').length, 1);
});

test('a 503 is retried and the second answer used', async () => {
  const doc = await docOf('/flaky');
  assert.equal(doc.text, TEXT);
  assert.equal(requestsTo('/flaky').length, 2);
});

test('a response slower than the timeout fails after the retries, in bounded time', async () => {
  const started = performance.now();
  assert.equal(await errorOf('/slow'), `no complete answer within ${TIMEOUT_MS / 1000} s`);
  assert.equal(requestsTo('/slow').length, 3);
  // Three attempts and two short backoffs, far from the server's own delay times three.
  assert.ok(performance.now() - started < 3 * TIMEOUT_MS + 500);
});

test('an oversized page is refused, whether or not it declares its length', async () => {
  assert.equal(await errorOf('/huge-declared'), 'larger than 97.7 KB (195.3 KB)');
  assert.equal(await errorOf('/huge-chunked'), 'larger than 97.7 KB (over 97.7 KB received)');
});

test('what is not an HTML page is named, not parsed', async () => {
  assert.equal(await errorOf('/pdf'), 'not an HTML page (application/pdf)');
});

test('an unreachable host and a bad URL are results, not exceptions', async () => {
  const closed = await startSite({});
  const url = closed.url('/x');
  await closed.close();
  const quick = new Fetcher({ retries: 1, backoffMs: 10, timeoutMs: TIMEOUT_MS });
  const unreachable = await quick.get(url);
  assert.equal(unreachable.kind, 'failed');
  assert.match(unreachable.kind === 'failed' ? unreachable.reason : '', /ECONNREFUSED/);
  assert.deepEqual(await quick.get('ftp://127.0.0.1/x'), { kind: 'failed', url: 'ftp://127.0.0.1/x', reason: 'not an http(s) URL' });
  assert.deepEqual(await quick.get('not a url'), { kind: 'failed', url: 'not a url', reason: 'not a valid URL' });
});

test('at most perHost requests to one host at a time', async () => {
  const polite = new Fetcher({ perHost: 2, timeoutMs: 2000 });
  const results = await Promise.all([1, 2, 3, 4, 5].map((i) => polite.get(site.url(`/paced/${i}`))));
  assert.ok(results.every((r) => r.kind === 'ok'));
  assert.equal(site.peak('/paced'), 2);
});

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const all: SourceItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function feedContext(knownUrls: string[] = []): Promise<FeedContext> {
  const dir = await mkdtemp(join(tmpdir(), 'marsad-feed-'));
  return {
    fetcher, state: await FetchState.load(join(dir, 'db.fetch-state.json')),
    known: async (url) => knownUrls.includes(url), published: null, concurrency: 4,
  };
}

/** Runs the feed's checkpoint, as the ingest loop does once the items are committed, and
 *  returns the feed's state as saved. */
async function commitFeed(items: SourceItem[], context: FeedContext) {
  const checkpoint = items.at(-1);
  assert.ok(checkpoint && 'afterCommit' in checkpoint, 'the last item saves the feed state');
  await checkpoint.afterCommit();
  return JSON.parse(await readFile(context.state.path, 'utf8')).feeds;
}

test('RSS: item pages ingested, the item date as fallback; after a failure the feed is fetched in full, but only the failed page again', async () => {
  const context = await feedContext();
  const first = await collect(feedItems(site.url('/rss.xml'), context));
  const docs = first.flatMap((item) => ('doc' in item ? [item.doc] : []));
  assert.deepEqual(docs.map((d) => d.url), [site.url('/news/utf8'), site.url('/cp1256-meta.html')]);
  assert.equal(docs[1].published, '2023-09-20', 'the item pubDate, as written');
  const errors = first.flatMap((item) => ('error' in item ? [item.error] : []));
  assert.deepEqual(errors, [{ where: site.url('/missing'), reason: 'HTTP 404 Not Found' }]);
  // No validators are kept after a failure; the stored items are remembered by their feed
  // link, since /utf8.html is stored under its canonical URL.
  const saved = await commitFeed(first, context);
  assert.deepEqual(saved[site.url('/rss.xml')], { items: [site.url('/utf8.html'), site.url('/cp1256-meta.html')] });

  const pagesBefore = site.log.length;
  const second = await collect(feedItems(site.url('/rss.xml'), context));
  assert.equal(site.log.at(pagesBefore)!.headers['if-none-match'], undefined);
  assert.deepEqual(second.filter((i) => !('afterCommit' in i)), [
    { known: site.url('/utf8.html') }, { known: site.url('/cp1256-meta.html') },
    { error: { where: site.url('/missing'), reason: 'HTTP 404 Not Found' } },
  ]);
  assert.deepEqual(site.log.slice(pagesBefore).map((r) => r.path), ['/rss.xml', '/missing']);
});

test('Atom: relative links resolved; validators saved after commit, then a conditional GET answered 304', async () => {
  const context = await feedContext([site.url('/cp1256-header.html')]);
  const first = await collect(feedItems(site.url('/atom.xml'), context));
  assert.deepEqual(first.filter((i) => 'known' in i), [{ known: site.url('/cp1256-header.html') }]);
  const docs = first.flatMap((item) => ('doc' in item ? [item.doc] : []));
  assert.deepEqual(docs.map((d) => [d.url, d.published]), [[site.url('/jsonld.html'), '2023-09-19']]);
  const saved = await commitFeed(first, context);
  assert.deepEqual(saved[site.url('/atom.xml')], { etag: '"atom-v1"', items: [site.url('/jsonld.html'), site.url('/cp1256-header.html')] });

  const second = await collect(feedItems(site.url('/atom.xml'), { ...context, state: await FetchState.load(context.state.path) }));
  assert.deepEqual(second, []);
  const polls = site.log.filter((r) => r.path === '/atom.xml');
  assert.equal(polls.length, 2);
  assert.equal(polls[1].headers['if-none-match'], '"atom-v1"');
});

test('JSON Feed', async () => {
  const items = await collect(feedItems(site.url('/feed.json'), await feedContext()));
  const docs = items.flatMap((item) => ('doc' in item ? [item.doc] : []));
  assert.deepEqual(docs.map((d) => [d.url, d.published]), [[site.url('/jsonld.html'), '2023-09-19']]);
});

test('a broken feed is one error naming it', async () => {
  const items = await collect(feedItems(site.url('/utf8.html'), await feedContext()));
  assert.equal(items.length, 1);
  assert.ok('error' in items[0]);
  assert.equal(items[0].error.where, site.url('/utf8.html'));
  assert.match(items[0].error.reason, /^not a readable RSS or Atom feed/);
});

test('charset: BOM, then header, then meta or XML declaration, then detection', () => {
  const arabic = 'روسيا والصين';
  const cp1256 = encode1256(`<p>${arabic}</p>`);
  assert.equal(decodeDocument(cp1256, 'text/html; charset="windows-1256"'), `<p>${arabic}</p>`);
  assert.equal(decodeDocument(Buffer.concat([Buffer.from('<meta charset=cp1256>'), cp1256]), null), `<meta charset=cp1256><p>${arabic}</p>`);
  const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1256"?>'), cp1256]);
  assert.ok(decodeDocument(xml, 'application/xml').endsWith(`<p>${arabic}</p>`));
  // Undeclared: detected as for local files.
  assert.equal(decodeDocument(cp1256, 'text/html'), `<p>${arabic}</p>`);
  assert.equal(decodeDocument(Buffer.from(`\uFEFF${arabic}`), 'text/html; charset=windows-1256'), arabic);
  // An unknown label is ignored rather than trusted.
  assert.equal(decodeDocument(Buffer.from(arabic), 'text/html; charset=x-unknown'), arabic);
});

test('dates as written: ISO with any offset, slashes, RFC 2822; nothing guessed', () => {
  assert.equal(writtenDate('2023-09-20T23:30:00+03:00'), '2023-09-20');
  assert.equal(writtenDate('2023/09/20 10:00'), '2023-09-20');
  assert.equal(writtenDate('Thu, 21 Sep 2023 01:00:00 +0300'), '2023-09-21');
  assert.equal(writtenDate('5 May 2023'), '2023-05-05');
  assert.equal(writtenDate('31 Feb 2023'), null);
  assert.equal(writtenDate('yesterday'), null);
});
