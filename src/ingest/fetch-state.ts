// What each feed's server last said about it (ETag, Last-Modified), kept between runs in a
// small JSON file next to the database, so an unchanged feed costs a 304 and no download.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Validators } from './fetch.ts';

export class FetchState {
  private constructor(readonly path: string, private readonly feeds: Map<string, Validators>) {}

  /** A missing or unreadable file is an empty state: at worst each feed is fetched in full once. */
  static async load(path: string): Promise<FetchState> {
    let feeds = new Map<string, Validators>();
    try {
      const saved = JSON.parse(await readFile(path, 'utf8')) as { feeds?: Record<string, Validators> };
      feeds = new Map(Object.entries(saved.feeds ?? {}));
    } catch {
      // Nothing saved yet, or a file damaged by hand: start over.
    }
    return new FetchState(path, feeds);
  }

  get(feedUrl: string): Validators {
    return this.feeds.get(feedUrl) ?? {};
  }

  /** Records a feed's validators and saves, through a temporary file so a crash mid-write
   *  never leaves a truncated state. */
  async set(feedUrl: string, validators: Validators): Promise<void> {
    this.feeds.set(feedUrl, validators);
    const temporary = `${this.path}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ feeds: Object.fromEntries(this.feeds) }, null, 2)}\n`);
    await rename(temporary, this.path);
  }
}
