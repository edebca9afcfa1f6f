// What Marsad remembers of each feed between runs, in a small JSON file next to the database:
// the validators its server last gave (ETag, Last-Modified), so an unchanged feed costs a 304
// and no download; and the links of its latest items that are stored, so a page whose
// canonical URL differs from its feed link is not fetched again at every poll.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Validators } from './fetch.ts';

export interface FeedMemory {
  validators: Validators;
  /** links of the feed's items, as the feed gives them, whose articles are stored */
  items: string[];
}

type Saved = Validators & { items?: string[] };

export class FetchState {
  private constructor(readonly path: string, private readonly feeds: Map<string, Saved>) {}

  /** A missing or unreadable file is an empty state: at worst each feed is fetched in full once. */
  static async load(path: string): Promise<FetchState> {
    let feeds = new Map<string, Saved>();
    try {
      const saved = JSON.parse(await readFile(path, 'utf8')) as { feeds?: Record<string, Saved> };
      feeds = new Map(Object.entries(saved.feeds ?? {}));
    } catch {
      // Nothing saved yet, or a file damaged by hand: start over.
    }
    return new FetchState(path, feeds);
  }

  get(feedUrl: string): FeedMemory {
    const { items = [], ...validators } = this.feeds.get(feedUrl) ?? {};
    return { validators, items };
  }

  /** Records a feed and saves, through a temporary file so a crash mid-write never leaves a
   *  truncated state. */
  async set(feedUrl: string, { validators, items }: FeedMemory): Promise<void> {
    this.feeds.set(feedUrl, { ...validators, items });
    const temporary = `${this.path}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ feeds: Object.fromEntries(this.feeds) }, null, 2)}\n`);
    await rename(temporary, this.path);
  }
}
