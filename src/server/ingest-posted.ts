// POST /api/documents: an article's text, a page's HTML or a page's URL into the store, along
// the path `marsad ingest` takes (ingest/ reads it, ingestDocOf extracts it, the store keeps it
// once and clusters its events), so an article posted and the same article ingested are
// stored alike.
import { contentHash, ingestDocOf } from '../cli/ingest-run.ts';
import type { RawDoc } from '../extract/types.ts';
import type { Fetcher } from '../ingest/fetch.ts';
import { readArticle } from '../ingest/html.ts';
import { reasonOf, type IngestItem } from '../ingest/items.ts';
import { pageItem, sourceName } from '../ingest/page.ts';
import { recordToDoc } from '../ingest/records.ts';
import { settingsOf } from '../ingest/settings.ts';
import { loadKb } from '../kb/load.ts';
import type { Store, UpsertResult } from '../store/types.ts';
import { httpError } from './errors.ts';

interface Common { published?: string; source?: string }
export type PostedDocument =
  | (Common & { text: string; title?: string | null; url?: string })
  | (Common & { html: string; url?: string })
  | { url: string; published?: string };

/** Stands for the page's address when HTML comes without one, so no made-up URL is stored. */
const NO_URL = 'about:blank';

/** Without a URL, the text's hash names the article, so posting it again finds it stored. */
const idOf = (url: string | null | undefined, text: string) => url ?? `api-${contentHash(text).slice(0, 16)}`;

/** The stored article's key and number, whether it was new, and the events written. Throws an
 *  httpError when the input cannot be ingested; an extraction failure, a fault of the extractor
 *  rather than of the article, is thrown as it is (a 500). */
export async function ingestPosted(body: PostedDocument, store: Store, fetcher: Fetcher): Promise<UpsertResult> {
  const item = await itemOf(body, fetcher);
  if ('error' in item) throw httpError(422, `${item.error.where}: ${item.error.reason}`);
  const [result] = await store.upsert([ingestDocOf(item.doc, loadKb())]);
  // Incremental: only the clusters the article's events may join are compared again.
  await store.recluster();
  return result;
}

async function itemOf(body: PostedDocument, fetcher: Fetcher): Promise<IngestItem> {
  if ('text' in body) return { doc: postedText(body) };
  if ('html' in body) return postedPage(body);
  return pageItem(body.url, fetcher, body.published ?? null);
}

/** Checked as a JSONL record is. */
function postedText(body: Extract<PostedDocument, { text: string }>): RawDoc {
  try {
    return recordToDoc({ ...body, id: idOf(body.url, body.text), source: body.source ?? (body.url ? sourceName(body.url) : null) }, settingsOf({}));
  } catch (err) {
    throw httpError(400, `body: ${reasonOf(err)}`);
  }
}

function postedPage(body: Extract<PostedDocument, { html: string }>): IngestItem {
  try {
    const article = readArticle(body.html, body.url ?? NO_URL);
    const url = article.url === NO_URL ? null : article.url;
    // Without a title the key stays absent, so the extractor looks for the headline.
    const title = article.title ? { title: article.title } : {};
    return { doc: { id: idOf(url, article.text), text: article.text, ...title, published: article.published ?? body.published ?? null, source: body.source ?? (url ? sourceName(url) : null), url } };
  } catch (err) {
    return { error: { where: body.url ?? 'body.html', reason: reasonOf(err) } };
  }
}
