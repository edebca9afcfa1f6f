// What test/export.test.ts and scripts/update-golden.ts share: the bundled examples exported
// in every format, and where the golden copies live. The exports are made from the contract
// golden files (test/golden/*.json), not from a fresh extraction, so these tests fail for
// export reasons only; `npm run golden:update` rewrites both in turn.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContractDoc } from '../../src/extract/types.ts';
import { EXPORT_FORMATS, exportChunks, type ExportFormat } from '../../src/export/format.ts';
import { goldenIds, goldenPath } from './golden.ts';

export const exportGoldenDir = fileURLToPath(new URL('../golden/export/', import.meta.url));

const EXTENSION: Record<ExportFormat, string> = { jsonl: 'jsonl', csv: 'csv', gdelt: 'tsv' };

export const exportGoldenPath = (format: ExportFormat): string => join(exportGoldenDir, `examples.${EXTENSION[format]}`);

async function text(docs: ContractDoc[], format: ExportFormat): Promise<string> {
  let out = '';
  for await (const chunk of exportChunks(docs, format)) out += chunk;
  return out;
}

/** The examples exported in each format, as `marsad export` writes them. */
export async function exportExamples(): Promise<Record<ExportFormat, string>> {
  const docs = goldenIds().map((id) => JSON.parse(readFileSync(goldenPath(id), 'utf8')) as ContractDoc);
  const out = {} as Record<ExportFormat, string>;
  for (const format of EXPORT_FORMATS) out[format] = await text(docs, format);
  return out;
}

/** Rewrites the export golden files (or, with `check`, only reports them) and returns how
 *  many were out of date. Run by `npm run golden:update` after the contract golden files. */
export async function updateExportGoldens(check: boolean): Promise<number> {
  const actual = await exportExamples();
  mkdirSync(exportGoldenDir, { recursive: true });
  let changed = 0;
  for (const format of EXPORT_FORMATS) {
    const path = exportGoldenPath(format);
    const prev = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (prev === actual[format]) continue;
    changed++;
    const lines = (s: string | null) => (s === null ? 'none' : `${s.split('\n').length - 1} lines`);
    console.log(`\n== ${prev === null ? 'new' : 'changed'}: ${relative(process.cwd(), path)} (${lines(prev)} → ${lines(actual[format])})`);
    if (!check) writeFileSync(path, actual[format]);
  }
  return changed;
}
