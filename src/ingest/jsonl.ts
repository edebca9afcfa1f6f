// JSONL is read a line at a time, so a corpus of any size streams through in constant
// memory and a bad line costs only itself.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { jsonObjectOf, recordToDoc } from './records.ts';
import type { IngestItem } from './items.ts';
import type { Settings } from './settings.ts';

/** Lines of a .jsonl or .jsonl.gz file; read and gunzip errors surface from the iteration.
 *  `onBytes` is told of the file's bytes (compressed ones for .gz) as they are read. */
export function jsonlFileLines(path: string, onBytes: (bytes: number) => void = () => {}): AsyncIterable<string> {
  const file = createReadStream(path);
  file.on('data', (chunk) => onBytes(chunk.length));
  // pipeline() passes a read error on to the gunzip stream, where readline sees it.
  const input = path.endsWith('.gz') ? pipeline(file, createGunzip(), () => {}) : file;
  return linesOf(input);
}

export function linesOf(input: Readable): AsyncIterable<string> {
  return createInterface({ input, crlfDelay: Infinity });
}

/** `where` names the source in errors; each bad line is reported as `where:line`. */
export async function* jsonlItems(lines: AsyncIterable<string> | Iterable<string>, where: string, settings: Settings): AsyncGenerator<IngestItem> {
  let lineNo = 0;
  let records = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!line.trim()) continue;
    records++;
    yield lineItem(line, `${where}:${lineNo}`, settings);
  }
  if (records === 0) yield { error: { where, reason: 'empty file' } };
}

function lineItem(line: string, where: string, settings: Settings): IngestItem {
  try {
    return { doc: recordToDoc(jsonObjectOf(line), settings) };
  } catch (err) {
    return { error: { where, reason: (err as Error).message } };
  }
}
