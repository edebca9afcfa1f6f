// The actors a batch names, stored once across articles with every spelling seen. Ids are
// given in the order the batch first names them, as the SQLite backend gives them (so that
// ties between equally active actors list in the same order); rows are inserted in identity
// order, so that two batches naming the same new actors wait for each other instead of
// deadlocking.
import type pg from 'pg';
import type { Actor, ContractDoc } from '../../extract/types.ts';
import { nameKey } from '../../kb/normalize.ts';
import { actorIdentity, iso3Of } from '../identity.ts';
import { entityActor } from '../placement.ts';
import { jsonRows } from './sql.ts';

/** Every actor of an article, in the order the SQLite backend meets them: entities, events'
 *  parties, speakers. */
function* actorsOf(doc: ContractDoc): Generator<Actor> {
  for (const e of doc.entities) {
    const actor = entityActor(e);
    if (actor) yield actor;
  }
  for (const e of doc.events) yield* [...e.actors, ...e.recipients];
  for (const s of doc.statements) yield s.speaker;
}

/** Stores the actors of these articles and their spellings; the id of each identity. */
export async function storeActors(db: pg.PoolClient, docs: ContractDoc[]): Promise<Map<string, number>> {
  const firstSeen = new Map<string, Actor>();
  const spellings = new Map<string, Set<string>>();
  for (const doc of docs) {
    for (const a of actorsOf(doc)) {
      const identity = actorIdentity(a);
      if (!firstSeen.has(identity)) firstSeen.set(identity, a);
      let names = spellings.get(identity);
      if (!names) spellings.set(identity, (names = new Set()));
      names.add(nameKey(a.name_ar));
    }
  }
  const identities = [...firstSeen.keys()];
  const ids = await idsOf(db, identities);
  const missing = identities.filter((i) => !ids.has(i));
  if (missing.length) {
    const fresh = (await db.query('SELECT nextval(\'actors_id_seq\') AS id FROM generate_series(1, $1)', [missing.length])).rows.map((r: { id: number }) => r.id).sort((a, b) => a - b);
    const rows = missing.map((identity, i) => {
      const a = firstSeen.get(identity)!;
      return { id: fresh[i], identity, kind: a.kind, name_ar: a.name_ar, name_en: a.name_en, country: iso3Of(a) };
    });
    await db.query(`INSERT INTO actors (id, identity, kind, name_ar, name_en, country)
      SELECT id, identity, kind, name_ar, name_en, country
      FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, identity text, kind text, name_ar text, name_en text, country text)
      ORDER BY identity COLLATE "C" ON CONFLICT (identity) DO NOTHING`, [jsonRows(rows)]);
    // Another batch may have stored some of them first: its ids stand.
    for (const [identity, id] of await idsOf(db, missing)) ids.set(identity, id);
  }
  const names = [...spellings].flatMap(([identity, keys]) => [...keys].map((name_key) => ({ name_key, actor_id: ids.get(identity)! })));
  await db.query(`INSERT INTO actor_names (name_key, actor_id)
    SELECT name_key, actor_id FROM jsonb_to_recordset($1::jsonb) AS x(name_key text, actor_id bigint)
    ORDER BY name_key COLLATE "C", actor_id ON CONFLICT DO NOTHING`, [jsonRows(names)]);
  return ids;
}

async function idsOf(db: pg.PoolClient, identities: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query('SELECT identity, id FROM actors WHERE identity = ANY($1)', [identities]);
  return new Map(rows.map((r: { identity: string; id: number }) => [r.identity, r.id]));
}
