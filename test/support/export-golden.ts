// What test/export.test.ts and scripts/update-golden.ts share: the bundled examples exported
// in every format, and where the golden copies live. The contract golden files
// (test/golden/*.json) are stored in a fresh database and exported from it as `marsad export`
// does; starting from them rather than from a fresh extraction, these tests fail for store or
// export reasons only, and `npm run golden:update` rewrites both kinds in turn.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContractDoc } from '../../src/extract/types.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { EXPORT_FORMATS, exportChunks, type ExportFormat } from '../../src/export/format.ts';
import { goldenIds, goldenPath } from './golden.ts';

export const exportGoldenDir = fileURLToPath(new URL('../golden/export/', import.meta.url));

const EXTENSION: Record<ExportFormat, string> = { jsonl: 'jsonl', csv: 'csv', gdelt: 'tsv' };

export const exportGoldenPath = (format: ExportFormat): string => join(exportGoldenDir, `examples.${EXTENSION[format]}`);

async function text(store: Store, format: ExportFormat): Promise<string> {
  let out = '';
  for await (const chunk of exportChunks(store.exportDocs(), format)) out += chunk;
  return out;
}

/** A database at `path` holding the examples' contract golden files, closed again. */
export async function examplesDb(path: string): Promise<void> {
  const docs = goldenIds().map((id) => JSON.parse(readFileSync(goldenPath(id), 'utf8')) as ContractDoc);
  const store = await openStore(path);
  try {
    await store.upsert(docs.map((doc) => ({ doc, hash: createHash('sha256').update(doc.text).digest('hex'), source: null, url: null })));
  } finally {
    await store.close();
  }
}

/** The examples exported in each format, as `marsad export` writes them. */
export async function exportExamples(): Promise<Record<ExportFormat, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-export-'));
  try {
    const path = join(dir, 'examples.db');
    await examplesDb(path);
    const store = await openStore(path, { mustExist: true });
    try {
      const out = {} as Record<ExportFormat, string>;
      for (const format of EXPORT_FORMATS) out[format] = await text(store, format);
      return out;
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
