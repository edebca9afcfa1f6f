// STUB: replaced by the real pipeline. Signature is fixed.
import type { Kb } from '../kb/load.ts';
import type { ContractDoc, RawDoc } from './types.ts';

export function extractDoc(raw: RawDoc, kb: Kb): ContractDoc {
  void kb;
  return { id: raw.id, title: raw.title ?? null, published: raw.published ?? null, text: raw.text, entities: [], events: [], statements: [] };
}
