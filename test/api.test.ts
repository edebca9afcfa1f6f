// The HTTP API through fastify's injection (no port): every route's answers and shapes, its
// errors (JSON, never a stack trace), the write endpoint's token and size limit, the security
// headers, the OpenAPI document, and article markup that stays plain text. The database holds
// the hand-made articles of test/support/articles.ts (known answers) and the five examples as
// their golden files give them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { ContractDoc } from '../src/extract/types.ts';
import { buildApp } from '../src/server/app.ts';
import { openStore } from '../src/store/open.ts';
import type { EventCluster, EventMention, Store, StoredDoc } from '../src/store/types.ts';
import { ARTICLES, ingestDoc } from './support/articles.ts';
import { goldenIds, goldenPath } from './support/golden.ts';
import { html, page, PARAGRAPHS } from './support/news-site.ts';
import { startSite, type TestSite } from './support/web-server.ts';

const TOKEN = 'test-token-4f1c';
const auth = { authorization: `Bearer ${TOKEN}` };

let dir = '';
let store: Store;
let app: FastifyInstance;
const faults: Error[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marsad-api-'));
  store = await openStore(join(dir, 'api.db'));
  const examples = await Promise.all(goldenIds().map(async (id) => JSON.parse(await readFile(goldenPath(id), 'utf8')) as ContractDoc));
  await store.upsert([...ARTICLES, ...examples].map(ingestDoc));
  await store.recluster();
  const publicDir = join(dir, 'public');
  await mkdir(publicDir);
  await writeFile(join(publicDir, 'index.html'), '<!doctype html><title>Marsad</title>');
  app = await buildApp({ store, token: TOKEN, publicDir, logFault: (err) => faults.push(err) });
});
after(async () => {
  await app.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function call(options: InjectOptions | string, on = app): Promise<LightMyRequestResponse & { json<T = Record<string, unknown>>(): T }> {
  return on.inject(options) as never;
}

/** The answer's JSON after checking its status; errors must have the JSON error shape. */
async function json<T = Record<string, unknown>>(options: InjectOptions | string, status = 200, on = app): Promise<T> {
  const res = await call(options, on);
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = res.json<T>();
  if (status >= 400) assertError(body, status);
  return body;
}

/** The message of an error answer, after checking its status and shape. */
const failure = async (options: InjectOptions | string, status: number) => (await json<{ message: string }>(options, status)).message;

function assertError(body: unknown, status: number): asserts body is { message: string } {
  const b = body as Record<string, unknown>;
  assert.deepEqual(Object.keys(b).sort(), ['error', 'message', 'statusCode']);
  assert.equal(b.statusCode, status);
  assert.equal(typeof b.message, 'string');
  assert.doesNotMatch(String(b.message), /\n\s+at /, 'no stack trace');
}

const CLUSTER_KEYS = ['actors', 'date', 'docKey', 'evidence', 'id', 'mentions', 'mode', 'place', 'recipients', 'sources', 'status', 'type', 'url'];
const names = (c: EventCluster) => [...c.actors, ...c.recipients].map((a) => a.name_en).sort();

describe('read routes', () => {
  test('GET /api/health: ok, the database counts and the version', async () => {
    const health = await json('/api/health');
    const stats = await store.stats();
    assert.deepEqual(health, { status: 'ok', documents: stats.documents, events: stats.events, clusters: stats.clusters, version: health.version });
    assert.match(String(health.version), /^\d+\.\d+\.\d+/);
  });

  test('GET /api/events: clusters in the Store\'s shape, newest first, with the CLI\'s filters', async () => {
    const { clusters, next } = await json<{ clusters: EventCluster[]; next: string | null }>('/api/events');
    assert.equal(next, null);
    assert.deepEqual(clusters, (await store.events({})).clusters, 'the store\'s answer, as it gives it');
    for (const c of clusters) assert.deepEqual(Object.keys(c).sort(), CLUSTER_KEYS);
    assert.equal(clusters[0].docKey, 'spa-9', 'the newest first');

    const dyad = await json<{ clusters: EventCluster[] }>('/api/events?country=rus&with=CHN&type=CONSULT&from=2023-05&to=2023-05');
    assert.equal(dyad.clusters.length, 1);
    const [goa] = dyad.clusters;
    assert.deepEqual({ mentions: goa.mentions, sources: goa.sources, mode: goa.mode, place: goa.place }, { mentions: 2, sources: 2, mode: 'third-party', place: 'Goa' });
    assert.deepEqual(names(goa), ['Qin Gang', 'Sergey Lavrov']);

    const byActor = await json<{ clusters: EventCluster[] }>(`/api/events?actor=${encodeURIComponent('لافروف')}&mode=third-party`);
    assert.ok(byActor.clusters.some((c) => c.id === goa.id));
    assert.ok(byActor.clusters.every((c) => c.mode === 'third-party'));
  });

  test('GET /api/events: pages follow the cursor to the end, each cluster once', async () => {
    const all = (await json<{ clusters: EventCluster[] }>('/api/events?limit=1000')).clusters.map((c) => c.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/events?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const pageOf: { clusters: EventCluster[]; next: string | null } = await json(url);
      assert.ok(pageOf.clusters.length <= 3);
      seen.push(...pageOf.clusters.map((c) => c.id));
      cursor = pageOf.next;
    } while (cursor);
    assert.deepEqual(seen, all);
  });

  test('GET /api/events: invalid filters are 400 naming the parameter', async () => {
    assert.match(await failure('/api/events?limit=0', 400), /querystring\.limit/);
    assert.match(await failure('/api/events?limit=many', 400), /querystring\.limit/);
    assert.match(await failure('/api/events?type=MEET', 400), /querystring\.type/);
    assert.match(await failure('/api/events?country=Russia', 400), /querystring\.country/);
    assert.match(await failure('/api/events?from=21/09/2023', 400), /querystring\.from/);
    assert.match(await failure('/api/events?countyr=RUS', 400), /unknown property 'countyr'/);
    assert.match(await failure('/api/events?cursor=bm90LWEtY3Vyc29y', 400), /querystring\.cursor/);
  });

  test('GET /api/events/:id: the cluster as listed, with every report and its evidence', async () => {
    const [goa] = (await store.events({ country: 'RUS', with: 'CHN', type: 'CONSULT', from: '2023-05', to: '2023-05' })).clusters;
    const { cluster, mentions } = await json<{ cluster: EventCluster; mentions: EventMention[] }>(`/api/events/${goa.id}`);
    assert.deepEqual(cluster, goa);
    assert.deepEqual(mentions.map((m) => m.docKey).sort(), ['tass-1', 'xinhua-7']);
    for (const m of mentions) {
      const doc = await json<StoredDoc>(`/api/documents/${m.docKey}`);
      assert.equal(doc.text.slice(m.start, m.end), m.evidence, 'the evidence is at its offsets');
      assert.equal(m.docId, doc.docId);
    }
    // Every cluster of the listing is found, whatever its type.
    for (const c of (await store.events({ limit: 1000 })).clusters) assert.deepEqual((await json<{ cluster: EventCluster }>(`/api/events/${c.id}`)).cluster, c);
  });

  test('GET /api/events/:id: 404 when absent, 400 when not a number', async () => {
    assert.match(await failure('/api/events/999999', 404), /999999/);
    assert.match(await failure('/api/events/abc', 400), /params\.id/);
  });

  test('GET /api/documents/:id: the contract document with its number, source and URL, by key or number', async () => {
    const doc = await json<StoredDoc>('/api/documents/tass-1');
    assert.deepEqual(Object.keys(doc).sort(), ['docId', 'entities', 'events', 'id', 'published', 'source', 'statements', 'text', 'title', 'url']);
    assert.deepEqual({ ...doc, docId: undefined }, { ...(await store.documentByKey('tass-1')), docId: undefined });
    assert.deepEqual(await json(`/api/documents/${doc.docId}`), doc);
    for (const e of doc.entities) for (const m of e.mentions) assert.ok(m.end <= doc.text.length);
    for (const s of doc.statements) assert.equal(doc.text.slice(s.start, s.end), s.text);

    const sana = await json<StoredDoc>('/api/documents/sana-3');
    assert.equal(sana.url, null, 'an unknown URL is null, not absent');
    const example = await json<StoredDoc>(`/api/documents/${goldenIds()[0]}`);
    assert.equal(example.source, null);
    assert.ok(example.events.length > 0 && example.entities.length > 0 && example.statements.length > 0);
  });

  test('GET /api/documents/:id: 404 as JSON when absent', async () => {
    assert.match(await failure('/api/documents/no-such-article', 404), /no-such-article/);
    await failure('/api/documents/424242', 404);
  });

  test('GET /api/search: hits with snippets; spelling variants match; q is required', async () => {
    // The examples name Lavrov too, but have no publication date: a date range leaves them out.
    const { hits } = await json<{ hits: { key: string; snippet: string }[] }>(`/api/search?q=${encodeURIComponent('سيرجي لافروف')}&from=2023`);
    assert.deepEqual(hits.map((h) => h.key).sort(), ['tass-1', 'xinhua-7']);
    const everywhere = await json<{ hits: { key: string }[] }>(`/api/search?q=${encodeURIComponent('سيرجي لافروف')}`);
    assert.ok(everywhere.hits.length > hits.length);
    assert.ok(hits.every((h) => h.snippet.includes('«')));
    const filtered = await json<{ hits: { key: string }[] }>(`/api/search?q=${encodeURIComponent('لافروف')}&source=xinhua&limit=1`);
    assert.deepEqual(filtered.hits.map((h) => h.key), ['xinhua-7']);
    assert.match(await failure('/api/search', 400), /'q'/);
    assert.match(await failure('/api/search?q=', 400), /querystring\.q/);
  });

  test('GET /api/actors: the most active actors, by country', async () => {
    const { actors } = await json<{ actors: { name_en: string; country: string; events: number; roles: string[] }[] }>('/api/actors?limit=5');
    assert.equal(actors.length, 5);
    assert.ok(actors.every((a, i) => i === 0 || actors[i - 1].events >= a.events));
    const russian = await json<{ actors: { country: string }[] }>('/api/actors?country=RUS');
    assert.ok(russian.actors.length > 0 && russian.actors.every((a) => a.country === 'RUS'));
    assert.match(await failure('/api/actors?limit=-1', 400), /querystring\.limit/);
  });

  test('GET /api/dyads/:a/:b: events per period and type, cooperative and conflictual', async () => {
    // Between the examples' dated events (2023-03 and 2023-09), only the hand-made ones.
    const monthly = await json('/api/dyads/rus/chn?from=2023-04&to=2023-08');
    assert.deepEqual(monthly, {
      a: 'RUS', b: 'CHN', by: 'month',
      buckets: [
        { period: '2023-05', type: 'CONSULT', count: 1, cooperative: 1, conflictual: 0 },
        { period: '2023-07', type: 'CONSULT', count: 1, cooperative: 1, conflictual: 0 },
      ],
    });
    const yearly = await json<{ buckets: unknown[] }>('/api/dyads/CHN/USA?by=year&from=2024');
    assert.deepEqual(yearly.buckets, [{ period: '2024', type: 'ACCUSE', count: 1, cooperative: 0, conflictual: 1 }]);
    const all = await json<{ buckets: { period: string }[] }>('/api/dyads/RUS/CHN?by=year');
    assert.ok(all.buckets.every((b) => /^\d{4}$/.test(b.period)));
    assert.match(await failure('/api/dyads/CHN/USA?by=week', 400), /querystring\.by/);
    assert.match(await failure('/api/dyads/China/USA', 400), /params\.a/);
  });
});

describe('POST /api/documents', () => {
  const article = 'التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في موسكو اليوم، وبحث الجانبان العلاقات الثنائية.';
  const post = (payload: unknown, headers: Record<string, string> = auth, on = app) => call({ method: 'POST', url: '/api/documents', payload: payload as object, headers }, on);

  test('a read-only server (no token configured) refuses with 403', async () => {
    const readOnly = await buildApp({ store });
    try {
      const res = await post({ text: article }, auth, readOnly);
      assert.equal(res.statusCode, 403);
      assertError(res.json(), 403);
      assert.match(res.json().message as string, /read-only.*MARSAD_TOKEN/);
    } finally {
      await readOnly.close();
    }
  });

  test('without the token, or with a wrong one, 401', async () => {
    const before = await store.stats();
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }] as Record<string, string>[]) {
      const res = await post({ text: article }, headers);
      assert.equal(res.statusCode, 401, JSON.stringify(headers));
      assertError(res.json(), 401);
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="marsad"');
    }
    assert.deepEqual(await store.stats(), before, 'nothing stored');
  });

  test('a body over 2 MB is refused with 413, before anything is stored', async () => {
    const res = await post({ text: 'ب'.repeat(1_100_000) });
    assert.equal(res.statusCode, 413);
    assertError(res.json(), 413);
  });

  test('malformed bodies are 400 naming the problem', async () => {
    const bad = async (payload: unknown, pattern: RegExp) => {
      const res = await post(payload);
      assert.equal(res.statusCode, 400, res.body);
      assertError(res.json(), 400);
      assert.match(res.json().message as string, pattern);
    };
    await bad({}, /"text".*"html".*"url"/);
    await bad({ text: '' }, /body\.text/);
    await bad({ text: article, html: '<p>x</p>' }, /unknown property 'html'/);
    await bad({ url: 'file:///etc/passwd' }, /body\.url/);
    await bad({ text: article, published: 'yesterday' }, /body\.published/);
    await bad({ text: article, published: '2023-13-45' }, /published/);
    const notJson = await call({ method: 'POST', url: '/api/documents', payload: '{"text":', headers: { ...auth, 'content-type': 'application/json' } });
    assert.equal(notJson.statusCode, 400);
    assertError(notJson.json(), 400);
    const xml = await call({ method: 'POST', url: '/api/documents', payload: '<text/>', headers: { ...auth, 'content-type': 'application/xml' } });
    assert.equal(xml.statusCode, 415);
    assertError(xml.json(), 415);
  });

  test('with the token: text stored (201), then found by search and readable; again, unchanged (200)', async () => {
    const search = `/api/search?q=${encodeURIComponent('موسكو')}&from=2024`;
    assert.deepEqual((await json<{ hits: unknown[] }>(search)).hits, [], 'not there yet (and this answer is cached)');
    const res = await post({ text: article, title: 'لافروف ووانغ يي في موسكو', published: '2024-03-20', source: 'test' });
    assert.equal(res.statusCode, 201, res.body);
    const stored = res.json<{ id: number; key: string; status: string; events: number }>();
    assert.equal(stored.status, 'new');
    assert.ok(stored.events >= 1);
    const { hits } = await json<{ hits: { key: string }[] }>(search);
    assert.deepEqual(hits.map((h) => h.key), [stored.key], 'a stored article clears the cached answers');
    const doc = await json<StoredDoc>(`/api/documents/${stored.key}`);
    assert.equal(doc.docId, stored.id);
    assert.equal(doc.source, 'test');
    assert.equal(doc.published, '2024-03-20');
    const meeting = doc.events.find((e) => e.type === 'CONSULT');
    assert.ok(meeting, 'the meeting is extracted');
    const { clusters } = await json<{ clusters: EventCluster[] }>('/api/events?country=RUS&with=CHN&from=2024');
    assert.ok(clusters.some((c) => c.docKey === stored.key), 'and clustered');

    const again = await post({ text: article, title: 'لافروف ووانغ يي في موسكو', published: '2024-03-20', source: 'test' });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), { ...stored, status: 'unchanged', events: 0 });
  });

  test('with the token: a page as HTML, and a page by URL, read as ingest reads pages', async () => {
    const posted = await post({ html: page('<meta charset="utf-8">', { headline: 'وانغ يي يلتقي لافروف' }), url: 'https://news.example/wang-lavrov' });
    assert.equal(posted.statusCode, 201, posted.body);
    const fromHtml = await json<StoredDoc>(`/api/documents/${encodeURIComponent(posted.json().key as string)}`);
    assert.equal(fromHtml.title, 'وانغ يي يلتقي لافروف');
    assert.equal(fromHtml.url, 'https://news.example/wang-lavrov');
    assert.equal(fromHtml.source, 'news.example');
    assert.doesNotMatch(fromHtml.text, /الأكثر قراءة|جميع الحقوق/, 'the page around the article is left out');

    // Another text: the same paragraphs would be the article just stored, found by its hash.
    const head = '<meta charset="utf-8"><meta property="article:published_time" content="2023-09-20T10:00:00+03:00">';
    const site: TestSite = await startSite({ '/news/1': html(page(head, { headline: 'لافروف في بكين', paragraphs: PARAGRAPHS.slice(1) })) });
    try {
      const fetched = await post({ url: site.url('/news/1') });
      assert.equal(fetched.statusCode, 201, fetched.body);
      const doc = await json<StoredDoc>(`/api/documents/${encodeURIComponent(fetched.json().key as string)}`);
      assert.equal(doc.url, site.url('/news/1'));
      assert.equal(doc.published, '2023-09-20');
      const missing = await post({ url: site.url('/news/2') });
      assert.equal(missing.statusCode, 422);
      assertError(missing.json(), 422);
      assert.match(missing.json().message as string, /HTTP 404/);
    } finally {
      await site.close();
    }
  });

  test('article markup is stored and returned as plain text, never as HTML', async () => {
    const hostile = [
      'التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في بكين. <script>alert("x")</script>',
      'وقال بوتين <img src=x onerror="alert(1)"> إن العلاقات ممتازة، <a href="javascript:alert(2)">اقرأ المزيد</a>.',
    ].join('\n');
    const res = await post({ text: hostile, title: '<b onmouseover="alert(3)">عنوان</b>' });
    assert.equal(res.statusCode, 201, res.body);
    const key = res.json().key as string;
    const raw = await call(`/api/documents/${key}`);
    assert.match(String(raw.headers['content-type']), /^application\/json/);
    assert.equal(raw.headers['x-content-type-options'], 'nosniff');
    assert.ok(raw.headers['content-security-policy']);
    const doc = raw.json<StoredDoc>();
    // The markup is there as the characters it was written with, inside JSON strings.
    assert.ok(doc.text.includes('<script>alert("x")</script>'));
    assert.ok(doc.text.includes('<img src=x onerror="alert(1)">'));
    assert.ok(doc.text.includes('href="javascript:alert(2)"'));
    assert.equal(doc.title, '<b onmouseover="alert(3)">عنوان</b>');
    // Every answer about it is JSON, with its snippets marked by « », not by HTML.
    const { hits } = await json<{ hits: { key: string; snippet: string }[] }>(`/api/search?q=${encodeURIComponent('بوتين ممتازة')}`);
    const hit = hits.find((h) => h.key === key);
    assert.ok(hit);
    assert.doesNotMatch(hit.snippet, /<mark|<em|<b>/);

    // A page given as HTML keeps only its text: the tags and the javascript: link are gone.
    const pageRes = await post({ html: page('<meta charset="utf-8">', { paragraphs: ['التقى لافروف وانغ يي في موسكو. <img src=x onerror="alert(1)"> <a href="javascript:alert(2)">اقرأ</a>', '<script>alert(3)</script>وقال لافروف إن المحادثات بناءة.'] }) });
    assert.equal(pageRes.statusCode, 201, pageRes.body);
    const fromPage = await json<StoredDoc>(`/api/documents/${pageRes.json().key as string}`);
    assert.doesNotMatch(fromPage.text, /<|javascript:|alert/);
  });
});

describe('headers, errors and documentation', () => {
  test('every response carries the CSP and the other security headers; /docs alone a relaxed style policy', async () => {
    for (const url of ['/api/health', '/api/events/999999', '/no/such/path', '/', '/vendor/chart.umd.js']) {
      const res = await call(url);
      const csp = String(res.headers['content-security-policy']);
      for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
        assert.ok(csp.split('; ').includes(directive), `${url}: ${directive} in ${csp}`);
      }
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
    }
    const docs = await call('/docs/');
    assert.equal(docs.statusCode, 200);
    const csp = String(docs.headers['content-security-policy']);
    assert.match(csp, /style-src 'self' 'unsafe-inline'/);
    assert.match(csp, /script-src 'self';/, 'scripts stay restricted on the docs pages too');
  });

  test('a server fault is 500 JSON with a generic message: no stack, no internals', async () => {
    const broken = Object.create(store) as Store;
    broken.events = async () => { throw new Error('SQLITE_CORRUPT: database disk image is malformed (SELECT secret FROM clusters)'); };
    const logged: Error[] = [];
    const faulty = await buildApp({ store: broken, logFault: (err) => logged.push(err) });
    try {
      const res = await call('/api/events', faulty);
      assert.equal(res.statusCode, 500);
      assertError(res.json(), 500);
      assert.doesNotMatch(res.body, /SQLITE|secret|\.ts:\d+/);
      assert.equal(logged.length, 1, 'the details go to the server log');
      assert.match(logged[0].message, /SQLITE_CORRUPT/);
    } finally {
      await faulty.close();
    }
  });

  test('/openapi.json describes every route with its parameters and responses', async () => {
    const doc = await json<{ openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } }>('/openapi.json');
    assert.match(doc.openapi, /^3\./);
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    assert.deepEqual(routes, [
      'GET /api/actors', 'GET /api/documents/{id}', 'GET /api/dyads/{a}/{b}', 'GET /api/events', 'GET /api/events/{id}',
      'GET /api/health', 'GET /api/search', 'POST /api/documents',
    ]);
    const parameters = (method: string, path: string) => (doc.paths[path][method].parameters ?? []).map((p) => p.name).sort();
    assert.deepEqual(parameters('get', '/api/events'), ['actor', 'country', 'cursor', 'from', 'limit', 'mode', 'to', 'type', 'with']);
    assert.deepEqual(parameters('get', '/api/dyads/{a}/{b}'), ['a', 'b', 'by', 'from', 'to']);
    assert.ok(doc.paths['/api/documents'].post.requestBody);
    for (const methods of Object.values(doc.paths)) for (const op of Object.values(methods)) assert.ok(op.responses['200'] ?? op.responses['201']);
    for (const name of ['EventCluster', 'EventMention', 'Document', 'SearchHit', 'ActorStats', 'DyadBucket', 'Error']) assert.ok(doc.components.schemas[name], name);
    const ui = await call('/docs/');
    assert.match(ui.body, /swagger-ui/);
  });

  test('the dashboard at /, and exactly two vendored libraries under /vendor/', async () => {
    const index = await call('/');
    assert.equal(index.statusCode, 200);
    assert.match(String(index.headers['content-type']), /^text\/html/);
    for (const [file, global] of [['chart.umd.js', 'Chart'], ['cytoscape.min.js', 'cytoscape']]) {
      const res = await call(`/vendor/${file}`);
      assert.equal(res.statusCode, 200, file);
      assert.match(String(res.headers['content-type']), /javascript/);
      assert.ok(res.body.includes(global), file);
    }
    for (const url of ['/vendor/chart.js', '/vendor/../package.json', '/vendor/cytoscape/package.json']) {
      const res = await call(url);
      assert.equal(res.statusCode, 404, url);
      assertError(res.json(), 404);
    }
    const bare = await buildApp({ store, publicDir: join(dir, 'absent') });
    try {
      assert.equal((await call('/', bare)).statusCode, 404, 'no dashboard folder, no dashboard');
    } finally {
      await bare.close();
    }
  });
});

describe('response cache', () => {
  /** The store with its calls to `events` counted, failing while `failing` is set. */
  function countingStore() {
    const counted = { calls: 0, failing: false };
    const proxy = Object.create(store) as Store;
    proxy.events = async (q) => {
      counted.calls++;
      if (counted.failing) throw new Error('database is locked');
      return store.events(q);
    };
    return { proxy, counted };
  }

  test('one query answers repeated and concurrent requests for the same URL; other URLs ask again', async () => {
    const { proxy, counted } = countingStore();
    const cached = await buildApp({ store: proxy, logFault: () => {} });
    try {
      const answers = await Promise.all(Array.from({ length: 10 }, () => call('/api/events?limit=5', cached)));
      assert.equal(counted.calls, 1);
      assert.ok(answers.every((a) => a.statusCode === 200 && a.body === answers[0].body));
      const again = await call('/api/events?limit=5', cached);
      assert.equal(again.body, answers[0].body);
      assert.ok(again.headers['content-security-policy'], 'a cached answer has the headers too');
      assert.match(String(again.headers['content-type']), /^application\/json/);
      await call('/api/events?limit=6', cached);
      assert.equal(counted.calls, 2);
    } finally {
      await cached.close();
    }
  });

  test('errors are not kept; with cacheSeconds 0 every request queries', async () => {
    const { proxy, counted } = countingStore();
    const cached = await buildApp({ store: proxy, logFault: () => {} });
    try {
      counted.failing = true;
      assert.equal((await call('/api/events', cached)).statusCode, 500);
      counted.failing = false;
      assert.equal((await call('/api/events', cached)).statusCode, 200);
      assert.equal(counted.calls, 2);
    } finally {
      await cached.close();
    }
    const uncached = await buildApp({ store: proxy, cacheSeconds: 0 });
    try {
      for (let i = 0; i < 3; i++) await call('/api/events', uncached);
      assert.equal(counted.calls, 5);
    } finally {
      await uncached.close();
    }
  });
});

test('no request of these tests was a server fault', () => {
  assert.deepEqual(faults, []);
});
