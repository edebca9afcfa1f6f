// RSS and Atom feeds → their new articles. The feed is fetched conditionally (an unchanged
// feed answers 304 and costs nothing), items whose URL is stored already are skipped, and
// the new items' pages are fetched a few at a time.
import { extractFromJson, extractFromXml, type FeedData } from '@extractus/feed-extractor';
import { decodeDocument } from './charset.ts';
import { mapConcurrent } from './concurrent.ts';
import { writtenDate } from './date.ts';
import type { Fetcher } from './fetch.ts';
import type { FetchState } from './fetch-state.ts';
import { errorItem, reasonOf, type SourceItem } from './items.ts';
import { pageItem } from './page.ts';

export interface FeedContext {
  fetcher: Fetcher;
  state: FetchState;
  /** is an article with this URL stored? */
  known(url: string): Promise<boolean>;
  /** for pages that state no date, when the feed item has none either */
  published: string | null;
  /** pages fetched at once, across hosts (the fetcher limits each host) */
  concurrency: number;
}

interface Entry { link: string; published: string | null }

const JSON_FEED = /^\s*application\/(feed\+)?json\b/i;

export async function* feedItems(feedUrl: string, context: FeedContext): AsyncGenerator<SourceItem> {
  const memory = context.state.get(feedUrl);
  const fetched = await context.fetcher.get(feedUrl, memory.validators);
  if (fetched.kind === 'not-modified') return;
  if (fetched.kind === 'failed') {
    yield errorItem(feedUrl, fetched.reason);
    return;
  }
  let entries: Entry[];
  try {
    entries = entriesOf(fetched.body, fetched.contentType, fetched.url);
  } catch (err) {
    yield errorItem(feedUrl, `not a readable RSS or Atom feed (${reasonOf(err)})`);
    return;
  }
  const remembered = new Set(memory.items);
  const fresh: Entry[] = [];
  for (const entry of entries) {
    if (remembered.has(entry.link) || (await context.known(entry.link))) yield { known: entry.link };
    else fresh.push(entry);
  }
  const failed = new Set<string>();
  const pages = mapConcurrent(fresh, context.concurrency, async (entry) => ({ entry, item: await pageItem(entry.link, context.fetcher, entry.published ?? context.published) }));
  for await (const { entry, item } of pages) {
    if ('error' in item) failed.add(entry.link);
    yield item;
  }
  // After a failure the feed must be fetched in full next time, or a 304 would hide the
  // items that failed until the feed changes.
  const next = { validators: failed.size ? {} : fetched.validators, items: entries.map((e) => e.link).filter((link) => !failed.has(link)) };
  yield { afterCommit: () => context.state.set(feedUrl, next) };
}

function entriesOf(body: Buffer, contentType: string | null, feedUrl: string): Entry[] {
  const text = decodeDocument(body, contentType);
  // Dates are kept as written: converting them to UTC would move evening items a day on.
  const options = { baseUrl: feedUrl, useISODateFormat: false, descriptionMaxLen: 0 };
  const feed: FeedData = JSON_FEED.test(contentType ?? '') ? extractFromJson(text, options) : extractFromXml(text, options);
  return (feed.entries ?? [])
    .filter((entry) => entry.link)
    .map((entry) => ({ link: entry.link!, published: entry.published ? writtenDate(entry.published) : null }));
}
