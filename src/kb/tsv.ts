import { readFileSync } from 'node:fs';

export type Row = Record<string, string>;

/** Splits a multi-valued cell (` | `-separated) into its trimmed, non-empty values. */
export function values(cell: string | undefined): string[] {
  return (cell ?? '').split('|').map((v) => v.trim()).filter(Boolean);
}

/** Parses TSV text with a header row; `#` lines and blank lines are skipped. */
export function parseTsv(text: string, origin = 'tsv'): Row[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  if (!lines.length) return [];
  const header = lines[0].split('\t').map((h) => h.trim());
  return lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length > header.length) throw new Error(`${origin}: row ${i + 2} has ${cells.length} cells, header has ${header.length}`);
    const row: Row = {};
    header.forEach((h, j) => { row[h] = (cells[j] ?? '').trim(); });
    return row;
  });
}

export function readTsv(path: string): Row[] {
  return parseTsv(readFileSync(path, 'utf8'), path);
}
