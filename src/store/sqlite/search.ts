// Full-text search: FTS5 over the searchtext.ts keys, ranked by bm25 (title hits weigh double),
// with the snippet cut from the original text so it reads as the article does.
import type { Database, Statement } from 'better-sqlite3';
import { dayBounds } from '../days.ts';
import { queryTerms, snippet } from '../searchtext.ts';
import { statementCache } from './prepare.ts';
import type { SearchHit, SearchQuery } from '../types.ts';

const DEFAULT_LIMIT = 20;

/** Every term must match, through any of its alternative keys. Keys are letters and digits
 *  only; quoting keeps FTS5 from reading one as an operator (and, or, not). */
const matchExpression = (terms: string[][]) => terms.map((keys) => `(${keys.map((k) => `"${k}"`).join(' OR ')})`).join(' AND ');

/** Hits in rank order, ids only: the texts are read afterwards for the hits shown, since
 *  sorting every match together with its text would be slow. */
const rankingSql = (filters: string[]) => `SELECT s.rowid AS id, s.rank FROM doc_search s
  ${filters.length ? 'JOIN documents d ON d.id = s.rowid' : ''}
  WHERE doc_search MATCH @match ${filters.map((f) => `AND ${f}`).join(' ')}
  ORDER BY s.rank LIMIT @limit`;

interface RankedRow { id: number; rank: number }
interface DocRow { key: string; title: string | null; published: string | null; source: string | null; url: string | null; text: string }

export class Searcher {
  private readonly prepared: (sql: string) => Statement;
  private readonly doc: Statement;

  constructor(db: Database) {
    this.prepared = statementCache(db);
    this.doc = db.prepare('SELECT key, title, published, source, url, text FROM documents WHERE id = ?');
  }

  search(query: SearchQuery): SearchHit[] {
    const terms = queryTerms(query.q);
    if (!terms.length) return [];
    const { from, to } = dayBounds(query);
    const where: string[] = [];
    const params: Record<string, string | number> = { match: matchExpression(terms), limit: query.limit ?? DEFAULT_LIMIT };
    if (from) { where.push('d.published >= @from'); params.from = from; }
    if (to) { where.push('d.published <= @to'); params.to = to; }
    if (query.source) { where.push('d.source = @source'); params.source = query.source; }
    const ranked = this.prepared(rankingSql(where)).all(params) as RankedRow[];
    return ranked.map(({ id, rank }) => {
      const d = this.doc.get(id) as DocRow;
      return {
        docId: id, key: d.key, title: d.title, published: d.published, source: d.source, url: d.url,
        snippet: snippet(d.text, terms) ?? (d.title && snippet(d.title, terms)) ?? '',
        score: -rank,
      };
    });
  }
}
