// Where an incoming article goes, whatever the backend: new, a new version of the stored
// article with its key or URL, or unchanged (the same extraction, or the same text stored
// under another key and URL: a republished article is stored once).
import { createHash } from 'node:crypto';
import type { Actor, ContractDoc, Entity } from '../extract/types.ts';
import type { IngestDoc } from './types.ts';

/** A stored article as placement compares it. */
export interface StoredRef { id: number; key: string; digest: string }

export interface DocLookup<R extends StoredRef> {
  byKey(key: string): R | undefined;
  byUrl(url: string): R | undefined;
  byHash(hash: string): R | undefined;
}

export type Placement<R extends StoredRef> = { status: 'new' } | { status: 'updated' | 'unchanged'; stored: R };

/** What the extraction says about the article; a different digest means its data changed. */
export function digestOf(doc: ContractDoc): string {
  const { title, published, text, entities, events, statements } = doc;
  return createHash('sha256').update(JSON.stringify([title, published, text, entities, events, statements])).digest('base64url');
}

export function placement<R extends StoredRef>({ doc, hash, url }: IngestDoc, digest: string, stored: DocLookup<R>): Placement<R> {
  const same = stored.byKey(doc.id) ?? (url ? stored.byUrl(url) : undefined);
  const copy = same ? undefined : stored.byHash(hash);
  const found = same ?? copy;
  if (found && (copy || found.digest === digest)) return { status: 'unchanged', stored: found };
  return same ? { status: 'updated', stored: same } : { status: 'new' };
}

/** An entity as the actor it stands for; places are not actors. */
export function entityActor(e: Entity): Actor | null {
  if (e.kind === 'place') return null;
  return { kind: e.kind, name_ar: e.name_ar, name_en: e.name_en, country: e.country ?? null, code: e.code ?? null };
}
