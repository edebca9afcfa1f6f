// One JSONL record → one RawDoc. Field types are checked so that a malformed record is
// reported with its line instead of reaching extraction as `undefined`.
import type { RawDoc } from '../extract/types.ts';
import { leadingIsoDate } from './date.ts';
import { formatSize, type Settings } from './settings.ts';

export type JsonObject = Record<string, unknown>;

/** The line as a JSON object; throws an Error saying why it is not one. */
export function jsonObjectOf(line: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new Error(`invalid JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  return value as JsonObject;
}

export function isJsonObject(line: string): boolean {
  try {
    jsonObjectOf(line);
    return true;
  } catch {
    return false;
  }
}

/** Throws an Error whose message is the reason the record is refused. */
export function recordToDoc(record: JsonObject, settings: Settings): RawDoc {
  const id = recordId(record.id);
  if (typeof record.text !== 'string') throw new Error(`record ${JSON.stringify(id)} has no string "text"`);
  const text = record.text;
  const textBytes = Buffer.byteLength(text, 'utf8');
  if (textBytes > settings.maxRecordTextBytes) {
    throw new Error(`text of record ${JSON.stringify(id)} is larger than ${formatSize(settings.maxRecordTextBytes)} (${formatSize(textBytes)})`);
  }
  const doc: RawDoc = { id, text };
  // The key's presence, not its value, says the source separated the headline.
  if ('title' in record) doc.title = optionalString(record, 'title');
  if (!text.trim() && !doc.title?.trim()) throw new Error(`record ${JSON.stringify(id)} has empty text`);
  doc.published = recordDate(record) ?? settings.published;
  const source = optionalString(record, 'source');
  const url = optionalString(record, 'url');
  if (source !== null) doc.source = source;
  if (url !== null) doc.url = url;
  return doc;
}

function recordId(value: unknown): string {
  // Many exports number their rows; a number is as good an id as its decimal string.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim()) return value;
  throw new Error('record has no "id" (a non-empty string)');
}

function recordDate(record: JsonObject): string | null {
  const value = optionalString(record, 'published');
  if (value === null || !value.trim()) return null;
  const date = leadingIsoDate(value.trim());
  if (!date) throw new Error(`"published" is ${JSON.stringify(value)}, not a YYYY-MM-DD date`);
  return date;
}

function optionalString(record: JsonObject, key: string): string | null {
  const value = record[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Error(`"${key}" must be a string or null, not ${typeof value}`);
  return value;
}
