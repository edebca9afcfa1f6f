// CSV export: one row per event, RFC 4180 (CRLF rows, fields quoted when they hold a comma, a
// quote or a line break), UTF-8 with a byte-order mark so Excel reads the Arabic as Arabic.
import type { ContractDoc, ContractEvent } from '../extract/types.ts';
import { actorCode, actorName } from './actors.ts';
import type { Exporter } from './format.ts';

const COLUMNS = [
  'doc_id', 'url', 'source', 'published', 'type', 'mode', 'status', 'date', 'place',
  'actor_names', 'actor_codes', 'recipient_names', 'recipient_codes', 'evidence', 'confidence',
];

/** Several actors in one cell, in the same order in the names and the codes columns. */
const LIST = '; ';

export function csvField(value: string | number | null | undefined): string {
  const s = value == null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const csvRow = (cells: (string | number | null | undefined)[]) => `${cells.map(csvField).join(',')}\r\n`;

function eventRow(doc: ContractDoc, e: ContractEvent): string {
  return csvRow([
    doc.id, doc.url, doc.source, doc.published, e.type, e.mode, e.status, e.date?.value,
    e.place ? e.place.name_en ?? e.place.name_ar : null,
    e.actors.map(actorName).join(LIST), e.actors.map(actorCode).join(LIST),
    e.recipients.map(actorName).join(LIST), e.recipients.map(actorCode).join(LIST),
    e.evidence.text, e.confidence,
  ]);
}

export function csvExporter(): Exporter {
  return {
    head: `\uFEFF${csvRow(COLUMNS)}`,
    rows: (doc) => doc.events.map((e) => eventRow(doc, e)).join(''),
  };
}
