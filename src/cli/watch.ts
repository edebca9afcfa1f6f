// `marsad watch FEEDS.txt --every 15m`: polls the feeds, ingests their new items, sleeps,
// and again, until SIGINT or SIGTERM; then it finishes the batch in progress and exits.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadKb } from '../kb/load.ts';
import { reasonOf } from '../ingest/items.ts';
import { isWebUrl, sourceItems } from '../ingest/sources.ts';
import { reportError } from './extract.ts';
import { ingestProgress, summaryLine } from './ingest-progress.ts';
import { ingestItems } from './ingest-run.ts';
import { feedContext, openOrReport, type IngestOptions } from './ingest.ts';
import { stopOnSignals } from './signals.ts';

export interface WatchOptions extends Omit<IngestOptions, 'feed'> {
  /** between the starts of two polls */
  every: number;
}

/** Resolves to 0 after a clean stop, 1 when the feed list cannot be read at the start. */
export async function runWatch(feedsFile: string, options: WatchOptions): Promise<number> {
  // Read before the database is opened, so a mistyped file name changes nothing.
  if (!(await feedList(feedsFile))) return 1;
  const store = await openOrReport(options.db);
  if (!store) return 1;
  const stop = stopOnSignals(() => process.stderr.write('marsad: stopping after the current batch (again to quit at once)\n'));
  try {
    const kb = loadKb();
    const context = await feedContext(store, options, stop.signal);
    while (!stop.signal.aborted) {
      const started = performance.now();
      // Read at every poll, so feeds can be added or removed without a restart; a list that
      // has become unreadable is reported and polled again next time.
      const feeds = (await feedList(feedsFile)) ?? [];
      const progress = ingestProgress(process.stderr, { totalBytes: null });
      const counts = await ingestItems(sourceItems([], feeds, context), { store, kb, batchSize: options.batch, progress, signal: stop.signal });
      progress.done();
      await store.recluster();
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`${new Date().toISOString()} ${feeds.length} feeds: ${summaryLine(counts, seconds)}\n`);
      await sleep(Math.max(0, options.every - seconds * 1000), undefined, { signal: stop.signal }).catch(() => {});
    }
  } finally {
    stop.dispose();
    await store.close();
  }
  return 0;
}

/** The feed URLs of the file (one per line, `#` starts a comment), each bad line reported;
 *  null when the file cannot be read or names no feed. */
async function feedList(path: string): Promise<string[] | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    reportError({ where: path, reason: reasonOf(err) });
    return null;
  }
  const feeds: string[] = [];
  let bad = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    // A URL may contain '#', so only a '#' that starts the line or follows a space is a comment.
    const entry = line.replace(/(^|\s)#.*$/, '').trim();
    if (!entry) return;
    if (isWebUrl(entry) && URL.canParse(entry)) feeds.push(entry);
    else {
      bad++;
      reportError({ where: `${path}:${i + 1}`, reason: `not an http(s) URL: ${entry}` });
    }
  });
  if (feeds.length) return feeds;
  if (!bad) reportError({ where: path, reason: 'no feed URLs in this file' });
  return null;
}
