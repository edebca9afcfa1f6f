// The Store contract, written once and run against every backend in `backends`: a new backend
// joins by adding its factory there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractDoc } from '../src/extract/types.ts';
import { openStore } from '../src/store/open.ts';
import type { EventCluster, Store } from '../src/store/types.ts';
import { ARTICLES, RIA, SANA, SPA, TASS, XINHUA, article, ingestDoc, person } from './support/articles.ts';
import { createDatabase, postgresUnavailable } from './support/postgres.ts';

interface Backend {
  name: string;
  /** why this backend cannot be tested here */
  skip?: string | null;
  /** A fresh, empty store; `reopen` opens the same database again. */
  create(): Promise<{ store: Store; reopen(): Promise<Store>; dispose(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'sqlite',
    async create() {
      const dir = await mkdtemp(join(tmpdir(), 'marsad-store-'));
      const path = join(dir, 'test.db');
      return { store: await openStore(path), reopen: () => openStore(path), dispose: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    skip: postgresUnavailable(),
    async create() {
      const db = await createDatabase();
      return { store: await openStore(db.url), reopen: () => openStore(db.url), dispose: db.drop };
    },
  },
];

const keysOf = (docs: { key: string }[]) => docs.map((d) => d.key).sort();
const names = (c: EventCluster) => [...c.actors, ...c.recipients].map((a) => a.name_en).sort();

/** A copy of the TASS article, edited by the outlet: one more sentence, the meeting a day later. */
function editedTass(): ContractDoc {
  const doc = structuredClone(TASS);
  doc.text += '\nوأضاف لافروف أن المحادثات كانت بناءة.';
  doc.events[0].date = { value: '2023-05-05', precision: 'day', text: 'اليوم' };
  return doc;
}

for (const backend of backends) {
  describe(`store (${backend.name})`, { skip: backend.skip ?? undefined }, () => {
    let store: Store;
    let reopen: () => Promise<Store>;
    let dispose: () => Promise<void>;

    before(async () => {
      ({ store, reopen, dispose } = await backend.create());
      const results = await store.upsert(ARTICLES.map(ingestDoc));
      assert.deepEqual(results.map((r) => r.status), ['new', 'new', 'new', 'new', 'new']);
      await store.recluster();
    });
    after(async () => {
      await store.close();
      await dispose();
    });

    test('stored articles read back exactly as extracted, and export streams them oldest first', async () => {
      const tass = await store.documentByKey('tass-1');
      assert.ok(tass);
      const { docId, ...contract } = tass;
      assert.deepEqual(contract, TASS);
      assert.deepEqual(await store.document(docId), tass);
      assert.equal(await store.document(9999), null);
      const exported: ContractDoc[] = [];
      for await (const doc of store.exportDocs()) exported.push(doc);
      assert.deepEqual(exported, [TASS, XINHUA, SANA, RIA, SPA]);
      assert.equal(JSON.stringify(exported[0]), JSON.stringify(TASS), 'same fields in the same order');
      const june: string[] = [];
      for await (const doc of store.exportDocs({ from: '2023-06', to: '2023-07' })) june.push(doc.id);
      assert.deepEqual(june, ['sana-3', 'ria-2']);
    });

    test('the same article again is unchanged; under another URL or key it is still stored once', async () => {
      const [again] = await store.upsert([ingestDoc(TASS)]);
      assert.deepEqual(again, { key: 'tass-1', id: 1, status: 'unchanged', events: 0 });
      const mirror = { ...structuredClone(TASS), id: 'mirror-1', url: 'https://mirror.example/1' };
      const [copy] = await store.upsert([ingestDoc(mirror)]);
      assert.deepEqual(copy, { key: 'tass-1', id: 1, status: 'unchanged', events: 0 });
      assert.equal((await store.stats()).documents, 5);
      assert.equal(await store.known({ url: 'https://tass.example/1' }), true);
      assert.equal(await store.known({ hash: ingestDoc(XINHUA).hash }), true);
      assert.equal(await store.known({ url: 'https://elsewhere.example/' }), false);
    });

    test('a changed article replaces its earlier version and its events; found by URL too', async () => {
      const { clusters: _, ...stats } = await store.stats();
      const edited = editedTass();
      const [byKey] = await store.upsert([ingestDoc(edited)]);
      assert.deepEqual(byKey, { key: 'tass-1', id: 1, status: 'updated', events: 1 });
      const stored = await store.documentByKey('tass-1');
      assert.equal(stored?.text, edited.text);
      assert.deepEqual(stored?.events, edited.events);
      const { clusters: __, ...now } = await store.stats();
      assert.deepEqual(now, stats, 'replaced, not added');
      // The same page fetched again under a new key: the URL finds it.
      const [byUrl] = await store.upsert([ingestDoc({ ...TASS, id: 'tass-1-refetched' })]);
      assert.deepEqual(byUrl, { key: 'tass-1', id: 1, status: 'updated', events: 1 });
      assert.deepEqual((await store.documentByKey('tass-1'))?.events, TASS.events);
      assert.equal(await store.documentByKey('tass-1-refetched'), null);
      await store.recluster();
    });

    test('a batch is one transaction: one bad article and nothing of the batch is stored', async () => {
      const stats = await store.stats();
      const good = article({ id: 'good', source: 'x', url: null, published: '2023-01-01', title: null, sentences: ['نص.'], events: [] });
      const bad = { ...good, id: 'bad', text: null as unknown as string };
      await assert.rejects(store.upsert([ingestDoc(good), { ...ingestDoc(good), doc: bad, hash: 'other' }]));
      assert.deepEqual(await store.stats(), stats);
      assert.equal(await store.documentByKey('good'), null);
    });

    test('search finds spelling variants and inflections of the query', async () => {
      for (const q of ['سيرجي', 'سيرغي', 'لافروف', 'سيرغي لافروف']) {
        assert.deepEqual(keysOf(await store.search({ q })), ['tass-1', 'xinhua-7'], q);
      }
      const russia = ['ria-2', 'sana-3', 'tass-1', 'xinhua-7'];
      assert.deepEqual(keysOf(await store.search({ q: 'روسيا' })), russia);
      assert.deepEqual(keysOf(await store.search({ q: 'الروسية' })), russia);
      assert.deepEqual(keysOf(await store.search({ q: 'بروسيا' })), russia);
      assert.deepEqual(await store.search({ q: 'في من على' }), [], 'function words alone match nothing');
      assert.deepEqual(await store.search({ q: 'كوريا' }), []);
    });

    test('search results carry readable snippets with the hits marked, best first', async () => {
      const [first, second] = await store.search({ q: 'سيرجي لافروف' });
      const snippets = Object.fromEntries([first, second].map((h) => [h.key, h.snippet]));
      assert.match(snippets['xinhua-7'], /«سيرجي لافروف»/);
      assert.match(snippets['tass-1'], /«سيرغي لافروف»/);
      assert.ok(first.score >= second.score);
      const [syria] = await store.search({ q: 'الروسية' , source: 'sana' });
      assert.equal(syria.snippet, 'أكدت «روسيا» دعمها لسوريا في مواجهة الإرهاب.');
      assert.equal(syria.title, 'روسيا تؤكد دعمها لسوريا');
    });

    test('search filters by date and source', async () => {
      assert.deepEqual(keysOf(await store.search({ q: 'روسيا', from: '2023-06-01' })), ['ria-2', 'sana-3']);
      assert.deepEqual(keysOf(await store.search({ q: 'روسيا', to: '2023-06' })), ['sana-3', 'tass-1', 'xinhua-7']);
      assert.deepEqual(keysOf(await store.search({ q: 'روسيا', source: 'ria' })), ['ria-2']);
      assert.equal((await store.search({ q: 'روسيا', limit: 1 })).length, 1);
    });

    test('reports of one meeting by two outlets are one event with two mentions', async () => {
      const { clusters } = await store.events({ actor: 'لافروف' });
      assert.equal(clusters.length, 1);
      const [goa] = clusters;
      assert.equal(goa.type, 'CONSULT');
      assert.equal(goa.mode, 'third-party');
      assert.equal(goa.date, '2023-05-04');
      assert.equal(goa.place, 'Goa');
      assert.deepEqual([goa.mentions, goa.sources], [2, 2]);
      assert.deepEqual(names(goa), ['Qin Gang', 'Sergey Lavrov']);
      const mentions = await store.eventMentions(goa.id);
      assert.deepEqual(mentions.map((m) => m.docKey).sort(), ['tass-1', 'xinhua-7']);
      const xinhua = mentions.find((m) => m.docKey === 'xinhua-7')!;
      assert.equal(xinhua.evidence, XINHUA.events[0].evidence.text);
      assert.deepEqual([xinhua.start, xinhua.end], [XINHUA.events[0].evidence.start, XINHUA.events[0].evidence.end]);
    });

    test('events filter by actor, country, dyad, type, mode and date, newest first', async () => {
      const ids = async (q: Parameters<Store['events']>[0]) => (await store.events(q)).clusters.map((c) => c.docKey);
      assert.deepEqual(await ids({}), ['spa-9', 'ria-2', 'sana-3', 'tass-1']);
      assert.deepEqual(await ids({ actor: 'Lavrov' }), ['tass-1']);
      assert.deepEqual(await ids({ actor: 'سيرجي لافروف' }), ['tass-1']);
      assert.deepEqual(await ids({ actor: 'روف' }), [], 'whole words only');
      assert.deepEqual(await ids({ country: 'RUS' }), ['ria-2', 'sana-3', 'tass-1']);
      assert.deepEqual(await ids({ country: 'rus', with: 'CHN' }), ['ria-2', 'tass-1']);
      assert.deepEqual(await ids({ country: 'CHN', with: 'USA' }), ['spa-9']);
      assert.deepEqual(await ids({ type: 'CONSULT', mode: 'phone' }), ['ria-2']);
      assert.deepEqual(await ids({ type: 'ACCUSE' }), ['spa-9']);
      assert.deepEqual(await ids({ from: '2023-06-01', to: '2023-12-31' }), ['ria-2', 'sana-3']);
      assert.deepEqual(await ids({ from: '2024' }), ['spa-9']);
    });

    test('events page with a cursor, each event once', async () => {
      const first = await store.events({ limit: 3 });
      assert.equal(first.clusters.length, 3);
      assert.ok(first.next);
      const second = await store.events({ limit: 3, after: first.next });
      assert.deepEqual(second.clusters.map((c) => c.docKey), ['tass-1']);
      assert.equal(second.next, null);
      const all = await store.events({});
      assert.deepEqual([...first.clusters, ...second.clusters], all.clusters);
      await assert.rejects(store.events({ after: 'not-a-cursor' }));
    });

    test('actors: the most active first, with countries, roles and counts', async () => {
      const actors = await store.actors({});
      const lavrov = actors.find((a) => a.name_en === 'Sergey Lavrov');
      assert.deepEqual(lavrov, { name_ar: 'سيرغي لافروف', name_en: 'Sergey Lavrov', kind: 'person', country: 'RUS', roles: ['foreign minister'], events: 1, documents: 2 });
      assert.deepEqual(actors.slice(0, 2).map((a) => a.name_en).sort(), ['Qin Gang', 'Sergey Lavrov']);
      const russians = await store.actors({ country: 'RUS' });
      assert.deepEqual(russians.map((a) => a.name_en).sort(), ['Russia', 'Sergey Lavrov', 'Vladimir Putin']);
      assert.deepEqual((await store.actors({ from: '2024-01-01' })).map((a) => a.name_en).sort(), ['China', 'United States']);
      assert.equal((await store.actors({ limit: 1 })).length, 1);
    });

    test('dyad: events between two countries per period and type, cooperative or conflictual', async () => {
      assert.deepEqual(await store.dyad('CHN', 'RUS', 'month'), [
        { period: '2023-05', type: 'CONSULT', count: 1, cooperative: 1, conflictual: 0 },
        { period: '2023-07', type: 'CONSULT', count: 1, cooperative: 1, conflictual: 0 },
      ]);
      assert.deepEqual(await store.dyad('RUS', 'CHN', 'year', { from: '2023-06' }), [
        { period: '2023', type: 'CONSULT', count: 1, cooperative: 1, conflictual: 0 },
      ]);
      assert.deepEqual(await store.dyad('USA', 'CHN', 'year'), [
        { period: '2024', type: 'ACCUSE', count: 1, cooperative: 0, conflictual: 1 },
      ]);
    });

    test('a replaced report leaves its cluster, and a new report joins it', async () => {
      const third = article({
        id: 'rt-5', source: 'rt', url: null, published: '2023-05-06', title: null,
        sentences: ['التقى لافروف وتشين قانغ في غوا.'],
        events: [{ sentence: 'التقى لافروف وتشين قانغ في غوا.', type: 'CONSULT', mode: 'third-party', date: '2023-05-04',
          place: { name_ar: 'غوا', name_en: 'Goa', country: 'IND' }, actors: [person('لافروف', 'Sergey Lavrov', 'RUS'), person('تشين قانغ', 'Qin Gang', 'CHN')] }],
      });
      await store.upsert([ingestDoc(third)]);
      assert.deepEqual(await store.recluster(), { clusters: 1, mentions: 3 });
      const [goa] = (await store.events({ actor: 'Lavrov' })).clusters;
      assert.deepEqual([goa.mentions, goa.sources], [3, 3]);
      // Xinhua corrects its story: no meeting after all.
      const corrected = { ...structuredClone(XINHUA), events: [], statements: [] };
      await store.upsert([ingestDoc(corrected)]);
      const [shrunk] = (await store.events({ actor: 'Lavrov' })).clusters;
      assert.deepEqual([shrunk.mentions, shrunk.sources], [2, 2], 'counts follow at once');
      await store.recluster();
      const [after] = (await store.events({ actor: 'Lavrov' })).clusters;
      assert.deepEqual((await store.eventMentions(after.id)).map((m) => m.docKey).sort(), ['rt-5', 'tass-1']);
      assert.deepEqual(await store.recluster(), { clusters: 0, mentions: 0 }, 'nothing left to do');
      await store.upsert([ingestDoc(XINHUA)]);
      await store.recluster();
    });

    test('migrations are idempotent: reopening and migrating again keeps everything', async () => {
      const stats = await store.stats();
      await store.migrate();
      const again = await reopen();
      try {
        await again.migrate();
        assert.deepEqual(await again.stats(), stats);
        assert.deepEqual(keysOf(await again.search({ q: 'لافروف' })), ['rt-5', 'tass-1', 'xinhua-7']);
      } finally {
        await again.close();
      }
    });
  });
}

test('openStore reports an unreachable PostgreSQL server without its password, and a missing database when asked to read', async () => {
  await assert.rejects(openStore('postgres://user:secret@127.0.0.1:1/marsad'), (err: Error) => /ECONNREFUSED/.test(err.message) && !err.message.includes('secret'));
  await assert.rejects(openStore(join(tmpdir(), 'marsad-no-such-dir', 'x.db'), { mustExist: true }), /no such database/);
});
