// The same articles in a SQLite and a PostgreSQL store give the same answers: search hits (the
// same articles with the same snippets; each engine ranks them its own way), events, their
// reports, actors, dyads, exports and counts. The data: the store tests' articles and the five
// examples as extracted (golden files), dated and reported again by a second outlet so that
// clusters form across documents.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractDoc } from '../src/extract/types.ts';
import { tokenize } from '../src/kb/normalize.ts';
import { openStore } from '../src/store/open.ts';
import type { EventQuery, SearchHit, Store } from '../src/store/types.ts';
import { ARTICLES, ingestDoc } from './support/articles.ts';
import { goldenIds, goldenPath } from './support/golden.ts';
import { createDatabase, postgresUnavailable, type TestDatabase } from './support/postgres.ts';

/** Each example dated, then a second outlet's report of it two days later, its last paragraph cut. */
async function examples(): Promise<ContractDoc[]> {
  const docs: ContractDoc[] = [];
  for (const [i, id] of goldenIds().entries()) {
    const doc = JSON.parse(await readFile(goldenPath(id), 'utf8')) as ContractDoc;
    const published = `2023-0${i + 4}-1${i}`;
    docs.push({ ...doc, published, source: 'examples', url: `https://examples.test/${id}` });
    const cut = doc.text.lastIndexOf('\n');
    const text = cut > 0 ? doc.text.slice(0, cut) : `${doc.text} `;
    const inText = <T extends { start: number; end: number }>(spans: T[]) => spans.filter((s) => s.end <= text.length);
    docs.push({
      ...doc, id: `${id}-again`, published: `2023-0${i + 4}-1${i + 2}`, source: 'again', text,
      entities: doc.entities.map((e) => ({ ...e, mentions: inText(e.mentions) })).filter((e) => e.mentions.length),
      events: doc.events.filter((e) => e.evidence.end <= text.length),
      statements: inText(doc.statements),
    });
  }
  return docs;
}

/** Every word of the titles and texts once, and fixed queries of two words and of function
 *  words only. */
function queries(docs: ContractDoc[]): string[] {
  const words = new Set<string>();
  for (const d of docs) for (const t of tokenize(`${d.title ?? ''} ${d.text}`)) words.add(t.text);
  return [...words, 'سيرجي لافروف', 'وزير الخارجية', 'منظمة شنغهاي للتعاون', 'في من على', 'كوريا'];
}

const unranked = (hits: SearchHit[]) => hits.map(({ score: _, ...h }) => h).sort((a, b) => a.key.localeCompare(b.key));

async function exported(store: Store): Promise<ContractDoc[]> {
  const out: ContractDoc[] = [];
  for await (const doc of store.exportDocs()) out.push(doc);
  return out;
}

describe('SQLite and PostgreSQL give the same answers', { skip: postgresUnavailable() ?? undefined }, () => {
  let dir: string;
  let pgDb: TestDatabase;
  let sqlite: Store;
  let postgres: Store;
  let docs: ContractDoc[];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marsad-parity-'));
    pgDb = await createDatabase();
    sqlite = await openStore(join(dir, 'parity.db'));
    postgres = await openStore(pgDb.url);
    docs = [...ARTICLES, ...(await examples())];
    for (const store of [sqlite, postgres]) {
      // In two batches, the second replacing one article of the first, as ingests go.
      await store.upsert(docs.slice(0, 8).map(ingestDoc));
      await store.upsert([...docs.slice(8), { ...docs[0], text: `${docs[0].text} ` }].map(ingestDoc));
      await store.recluster();
    }
  });
  after(async () => {
    await sqlite?.close();
    await postgres?.close();
    await pgDb?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  test('the same counts and the same articles exported', async () => {
    assert.deepEqual(await postgres.stats(), await sqlite.stats());
    assert.ok((await sqlite.stats()).clusters < (await sqlite.stats()).events, 'some reports cluster together');
    assert.deepEqual(await exported(postgres), await exported(sqlite));
  });

  test('search: the same articles and snippets for every word of the data', async () => {
    const list = queries(docs);
    assert.ok(list.length > 300);
    for (const q of list) {
      const [a, b] = await Promise.all([sqlite.search({ q, limit: 100 }), postgres.search({ q, limit: 100 })]);
      assert.deepEqual(unranked(b), unranked(a), q);
    }
    for (const filter of [{ from: '2023-06' }, { to: '2023-05-31' }, { source: 'again' }]) {
      const q = 'روسيا الصين';
      assert.deepEqual(unranked(await postgres.search({ q, ...filter })), unranked(await sqlite.search({ q, ...filter })), JSON.stringify(filter));
    }
  });

  test('events, their reports, actors and dyads', async () => {
    const all = await sqlite.events({ limit: 1000 });
    assert.deepEqual(await postgres.events({ limit: 1000 }), all);
    const countries = [...new Set(all.clusters.flatMap((c) => [...c.actors, ...c.recipients]).map((a) => a.country).filter((c) => c))] as string[];
    const names = [...new Set(all.clusters.flatMap((c) => [...c.actors, ...c.recipients]).flatMap((a) => [a.name_ar, a.name_en ?? '']).filter((n) => n))];
    const eventQueries: EventQuery[] = [
      ...countries.map((country) => ({ country })), ...countries.map((country) => ({ country, with: 'RUS' })),
      ...names.map((actor) => ({ actor })), { type: 'CONSULT' }, { type: 'CONSULT', mode: 'phone' }, { from: '2023-06', to: '2023-12' }, { limit: 3 },
    ];
    for (const q of eventQueries) assert.deepEqual(await postgres.events(q), await sqlite.events(q), JSON.stringify(q));
    const page = await sqlite.events({ limit: 3 });
    assert.deepEqual(await postgres.events({ limit: 3, after: page.next! }), await sqlite.events({ limit: 3, after: page.next! }));
    for (const c of all.clusters) assert.deepEqual(await postgres.eventMentions(c.id), await sqlite.eventMentions(c.id));
    for (const q of [{}, { country: 'RUS' }, { from: '2023-06' }, { limit: 5 }]) assert.deepEqual(await postgres.actors(q), await sqlite.actors(q));
    for (const a of countries) {
      for (const b of countries) assert.deepEqual(await postgres.dyad(a, b, 'month'), await sqlite.dyad(a, b, 'month'), `${a}-${b}`);
    }
  });
});
