// Full-text search: the searchtext.ts keys of title and body in a tsvector column with a GIN
// index, queried through websearch_to_tsquery and ranked by ts_rank (title hits weigh double,
// as in SQLite).
//
// The keys are indexed as they are, with the `simple` configuration. They are already stemmed
// (Snowball's Arabic stemmer, which is also what the `arabic` configuration runs, without its
// over-eager prefix cuts) and folded; stemming them again with `arabic` cuts prefixes off the
// keys (بوتين → تين) and merges words SQLite keeps apart: over every word of the test data, 10
// queries in 891 found articles that SQLite does not, and none of the words searched for. The
// snippet is cut from the original text by the same function as in SQLite: ts_headline parses
// the original words with its own stemmer, so it would not mark سيرغي in a search for سيرجي,
// and it would choose another passage than SQLite.
import type pg from 'pg';
import { dayBounds } from '../days.ts';
import { queryTerms, snippet } from '../searchtext.ts';
import type { SearchHit, SearchQuery } from '../types.ts';
import { rowsOf } from './sql.ts';

const CONFIG = 'simple';
/** The indexed vector of a row `x` with the keys of its title and body. */
export const SEARCH_VECTOR = `setweight(to_tsvector('${CONFIG}', x.title_keys), 'A') || setweight(to_tsvector('${CONFIG}', x.body_keys), 'B')`;

const DEFAULT_LIMIT = 20;
/** ts_rank's weights for D, C, B (body) and A (title). */
const WEIGHTS = '{0.1, 0.2, 0.5, 1.0}';

interface RankedRow { id: number; score: number }
interface DocRow { id: number; key: string; title: string | null; published: string | null; source: string | null; url: string | null; text: string }

/** Every term must match, through any of its alternative keys: one websearch_to_tsquery per
 *  term (`"k1" or "k2"`; quoted, so that no key reads as an operator), joined by &&. */
function tsquery(terms: string[][]): { sql: string; params: Record<string, string> } {
  const params = Object.fromEntries(terms.map((keys, i) => [`term${i}`, keys.map((k) => `"${k}"`).join(' or ')]));
  return { sql: Object.keys(params).map((name) => `websearch_to_tsquery('${CONFIG}', @${name})`).join(' && '), params };
}

export class PgSearcher {
  constructor(private readonly pool: pg.Pool) {}

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const terms = queryTerms(query.q);
    if (!terms.length) return [];
    const { from, to } = dayBounds(query);
    const match = tsquery(terms);
    const where: string[] = [];
    const params: Record<string, string | number> = { ...match.params, weights: WEIGHTS, limit: query.limit ?? DEFAULT_LIMIT };
    if (from) { where.push('d.published >= @from'); params.from = from; }
    if (to) { where.push('d.published <= @to'); params.to = to; }
    if (query.source) { where.push('d.source = @source'); params.source = query.source; }
    // Hits in rank order, ids only: the texts are read afterwards for the hits shown.
    const ranked = await rowsOf<RankedRow>(this.pool, `SELECT d.id, ts_rank(@weights::float4[], d.search, q.query) AS score
      FROM documents d, (SELECT ${match.sql} AS query) AS q
      WHERE d.search @@ q.query ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY score DESC, d.id LIMIT @limit`, params);
    const docs = new Map((await rowsOf<DocRow>(this.pool, 'SELECT id, key, title, published, source, url, text FROM documents WHERE id = ANY(@ids)',
      { ids: ranked.map((r) => r.id) })).map((d) => [d.id, d]));
    return ranked.map(({ id, score }) => {
      const d = docs.get(id)!;
      return {
        docId: id, key: d.key, title: d.title, published: d.published, source: d.source, url: d.url,
        snippet: snippet(d.text, terms) ?? (d.title && snippet(d.title, terms)) ?? '',
        score,
      };
    });
  }
}
