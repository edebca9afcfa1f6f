// Rows of query results in the three output formats: aligned columns for reading, CSV for
// spreadsheets, JSONL (the full objects) for programs.
import { csvField } from '../export/csv.ts';

export const QUERY_FORMATS = ['table', 'jsonl', 'csv'] as const;
export type QueryFormat = (typeof QUERY_FORMATS)[number];

export type Cell = string | number | null | undefined;
export interface Column<T> {
  header: string;
  value(row: T): Cell;
  /** numbers align right */
  numeric?: boolean;
  /** in a table, longer text is cut with … (CSV and JSONL keep it whole) */
  max?: number;
}

const text = (cell: Cell) => (cell == null ? '' : String(cell));
/** Columns a cell takes in a terminal: combining marks (harakat) take none. */
const width = (s: string) => s.replace(/\p{M}/gu, '').length;

const cut = (s: string, max = Infinity) => (width(s) > max ? `${[...s].slice(0, max - 1).join('').trimEnd()}…` : s);

/** A header, a rule and one line per row, columns two spaces apart. */
export function formatTable<T>(columns: Column<T>[], rows: T[]): string {
  const cells = rows.map((r) => columns.map((c) => cut(text(c.value(r)).replace(/\s+/g, ' '), c.max)));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((r) => width(r[i]))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i] - width(s));
    return columns[i].numeric ? fill + s : s + fill;
  };
  const line = (r: string[]) => `${r.map(pad).join('  ').trimEnd()}\n`;
  return line(columns.map((c) => c.header)) + line(widths.map((w) => '─'.repeat(w))) + cells.map(line).join('');
}

/** RFC 4180 with a header row, as `marsad export --format csv` writes. */
export function formatCsv<T>(columns: Column<T>[], rows: T[]): string {
  const line = (cells: Cell[]) => `${cells.map(csvField).join(',')}\r\n`;
  return line(columns.map((c) => c.header)) + rows.map((r) => line(columns.map((c) => c.value(r)))).join('');
}

export const formatJsonl = (rows: object[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

/** Rows in the chosen format; JSONL writes the objects whole, the other two the columns. */
export function formatRows<T extends object>(format: QueryFormat, columns: Column<T>[], rows: T[]): string {
  if (format === 'jsonl') return formatJsonl(rows);
  return format === 'csv' ? formatCsv(columns, rows) : formatTable(columns, rows);
}
