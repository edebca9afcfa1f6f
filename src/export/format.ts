// Export formats: each turns contract documents into text, one document at a time, so an
// export of any size streams.
import type { ContractDoc } from '../extract/types.ts';
import { csvExporter } from './csv.ts';
import { gdeltExporter } from './gdelt.ts';

export interface Exporter {
  /** written once, before the first document */
  head: string;
  /** the text of one document (empty when it yields no rows) */
  rows(doc: ContractDoc): string;
}

export const EXPORT_FORMATS = ['jsonl', 'csv', 'gdelt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** jsonl is the contract itself: one document a line. */
const jsonlExporter = (): Exporter => ({ head: '', rows: (doc) => `${JSON.stringify(doc)}\n` });

export function exporterFor(format: ExportFormat): Exporter {
  return { jsonl: jsonlExporter, csv: csvExporter, gdelt: gdeltExporter }[format]();
}

/** The export's text in pieces: the head, then each document's rows. */
export async function* exportChunks(docs: AsyncIterable<ContractDoc> | Iterable<ContractDoc>, format: ExportFormat): AsyncGenerator<string> {
  const exporter = exporterFor(format);
  if (exporter.head) yield exporter.head;
  for await (const doc of docs) {
    const rows = exporter.rows(doc);
    if (rows) yield rows;
  }
}
