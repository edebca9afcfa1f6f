import type { RawDoc } from '../extract/types.ts';
import type { Settings } from './settings.ts';

/** One input that could not be read, named the way a user can find it (`dir/a.jsonl:12`). */
export interface InputError { where: string; reason: string }

/** Ingest hands on each article or the reason one input (or one line of it) failed, so a
 *  bad file never stops the others. */
export type IngestItem = { doc: RawDoc } | { error: InputError };

export function errorItem(where: string, reason: string): IngestItem {
  return { error: { where, reason } };
}

/** An article whose headline, if any, is still inside its text. */
export function textDoc(id: string, text: string, settings: Settings): IngestItem {
  return { doc: { id, text, published: settings.published } };
}

/** The part of a read error a user can act on; the caller already names the input. */
export function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code?.startsWith('Z_')) return `corrupt gzip data (${e.message})`;
  // System errors read "ENOENT: no such file or directory, open 'a.txt'".
  if (e.syscall) return e.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/s, '');
  return e instanceof Error ? e.message : String(err);
}

/** What `marsad ingest` reads besides articles: a feed item skipped because an article with
 *  its URL is stored already, and work to do once everything before it is committed (a
 *  feed's validators are saved only then, so a killed run fetches the feed again). */
export type SourceItem = IngestItem | { known: string } | { afterCommit: () => Promise<void> };
