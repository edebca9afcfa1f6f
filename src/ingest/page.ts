// One article URL → one article: fetched, decoded, its main text and metadata read.
import { decodeDocument } from './charset.ts';
import type { Fetcher } from './fetch.ts';
import { readArticle } from './html.ts';
import { errorItem, reasonOf, type IngestItem } from './items.ts';

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/** `published` is the date to use when the page states none (a feed item's, or --published). */
export async function pageItem(url: string, fetcher: Fetcher, published: string | null): Promise<IngestItem> {
  const fetched = await fetcher.get(url);
  // No conditional GET is sent for a page, so a server answering 'not modified' is wrong.
  if (fetched.kind !== 'ok') return errorItem(url, fetched.kind === 'failed' ? fetched.reason : 'HTTP 304 to a plain GET');
  if (fetched.contentType && !HTML_TYPE.test(fetched.contentType)) {
    return errorItem(url, `not an HTML page (${fetched.contentType.split(';')[0].trim()})`);
  }
  try {
    const article = readArticle(decodeDocument(fetched.body, fetched.contentType), fetched.url);
    return {
      doc: {
        // The canonical URL names the article, wherever it was reached from.
        id: article.url,
        text: article.text,
        // Without a title the key stays absent, so the extractor looks for the headline.
        ...(article.title ? { title: article.title } : {}),
        published: article.published ?? published,
        source: sourceName(article.url),
        url: article.url,
      },
    };
  } catch (err) {
    return errorItem(url, reasonOf(err));
  }
}

/** The site's host without "www.", the name `--source` filters take. */
export function sourceName(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
