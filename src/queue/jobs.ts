// What a job carries: an article already read (from a file, standard input or a feed), or the
// URL of a page for the worker to fetch. Jobs outlive the process that made them, and another
// version of Marsad may run the worker, so their data is checked before use.
import type { RawDoc } from '../extract/types.ts';

export type JobData = { article: RawDoc } | { page: string; published: string | null };

/** How a job is named in messages: its article's id or its page's URL. */
export function jobName(data: unknown): string {
  const d = data as Partial<{ article: Partial<RawDoc>; page: string }> | null;
  return String(d?.article?.id ?? d?.page ?? 'unreadable job');
}

const optionalString = (v: unknown) => v === undefined || v === null || typeof v === 'string';

/** The job's article, or why the job is not one this worker can do. */
export function articleOf(data: unknown): RawDoc {
  const article = (data as { article?: Record<string, unknown> } | null)?.article;
  if (!article || typeof article !== 'object') throw new Error('not an article job');
  if (typeof article.id !== 'string' || !article.id) throw new Error('article has no "id" (a non-empty string)');
  if (typeof article.text !== 'string') throw new Error(`article "${article.id}" has no text`);
  for (const field of ['title', 'published', 'source', 'url']) {
    if (!optionalString(article[field])) throw new Error(`article "${article.id}": "${field}" must be a string or null`);
  }
  return article as unknown as RawDoc;
}

export const isPageJob = (data: unknown): data is { page: string; published: string | null } =>
  typeof (data as { page?: unknown } | null)?.page === 'string';
