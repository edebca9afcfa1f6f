// What test/golden.test.ts and scripts/update-golden.ts share: where the examples and their
// golden files live, and how an example is extracted (exactly as `marsad extract` reads it).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kb } from '../../src/kb/load.ts';
import { extractDoc } from '../../src/extract/pipeline.ts';
import type { ContractDoc } from '../../src/extract/types.ts';
import { readInputs } from '../../src/ingest/read.ts';

export const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
export const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));

/** Article ids of examples/*.txt, in name order. */
export function exampleIds(): string[] {
  return readdirSync(examplesDir).filter((f) => f.endsWith('.txt')).sort().map((f) => f.slice(0, -'.txt'.length));
}

/** Ids that have a golden file, in name order. */
export function goldenIds(): string[] {
  return readdirSync(goldenDir).filter((f) => f.endsWith('.json')).sort().map((f) => f.slice(0, -'.json'.length));
}

export const goldenPath = (id: string): string => join(goldenDir, `${id}.json`);

/** Reads examples/<id>.txt through the CLI's own ingest (id = file name, text decoded, no
 *  title key, no publication date) and returns the contract object as it would be written. */
export async function extractExample(id: string, kb: Kb): Promise<ContractDoc> {
  const items = [];
  for await (const item of readInputs([join(examplesDir, `${id}.txt`)])) items.push(item);
  if (items.length !== 1) throw new Error(`examples/${id}.txt: expected one article, read ${items.length}`);
  const [item] = items;
  if ('error' in item) throw new Error(`${item.error.where}: ${item.error.reason}`);
  // Through JSON, as the CLI writes it: undefined fields drop out.
  return JSON.parse(JSON.stringify(extractDoc(item.doc, kb))) as ContractDoc;
}

/** The golden file's text: pretty-printed, 2-space indent, final newline. */
export const serialize = (doc: ContractDoc): string => `${JSON.stringify(doc, null, 2)}\n`;
