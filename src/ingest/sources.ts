// Everything `marsad ingest` reads, as one stream: local files and standard input (as
// `extract` reads them), article URLs, then feeds.
import { mapConcurrent } from './concurrent.ts';
import { feedItems, type FeedContext } from './feed.ts';
import type { SourceItem } from './items.ts';
import { pageItem } from './page.ts';
import { readInputs } from './read.ts';

export const isWebUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** `onBytes` counts the local files' bytes as they are read, for a progress bar. */
export async function* sourceItems(inputs: string[], feeds: string[], context: FeedContext, onBytes?: (bytes: number) => void): AsyncGenerator<SourceItem> {
  const paths = inputs.filter((input) => !isWebUrl(input));
  if (paths.length) yield* readInputs(paths, { published: context.published, onBytes });
  yield* mapConcurrent(inputs.filter(isWebUrl), context.concurrency, (url) => pageItem(url, context.fetcher, context.published));
  for (const feed of feeds) yield* feedItems(feed, context);
}
