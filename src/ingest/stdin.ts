// Standard input is either JSONL or one article. Up to the text-article size limit it is
// read whole and is JSONL only if every non-empty line is a JSON object; beyond the limit
// it cannot be one article, so it streams as JSONL (constant memory, like a file).
import { Readable } from 'node:stream';
import { decodeBytes } from './decode.ts';
import { jsonlItems, linesOf } from './jsonl.ts';
import { errorItem, reasonOf, textDoc, type IngestItem } from './items.ts';
import { isJsonObject } from './records.ts';
import { formatSize, type Settings } from './settings.ts';

const WHERE = 'stdin';

type Chunks = AsyncIterator<string | Buffer>;

export async function* stdinItems(stdin: NodeJS.ReadableStream, settings: Settings): AsyncGenerator<IngestItem> {
  const chunks: Chunks = stdin[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size <= settings.maxTextBytes) {
    const next = await chunks.next();
    if (next.done) {
      yield* wholeInputItems(Buffer.concat(head), settings);
      return;
    }
    const chunk = Buffer.from(next.value);
    head.push(chunk);
    size += chunk.length;
  }
  yield* streamedItems(head, chunks, settings);
}

async function* wholeInputItems(bytes: Buffer, settings: Settings): AsyncGenerator<IngestItem> {
  let text: string;
  try {
    text = decodeBytes(bytes).text;
  } catch (err) {
    yield errorItem(WHERE, reasonOf(err));
    return;
  }
  const lines = text.split('\n');
  const filled = lines.filter((line) => line.trim());
  if (!filled.length) yield errorItem(WHERE, 'empty input');
  else if (filled.every(isJsonObject)) yield* jsonlItems(lines, WHERE, settings);
  else yield textDoc(WHERE, text, settings);
}

async function* streamedItems(head: Buffer[], rest: Chunks, settings: Settings): AsyncGenerator<IngestItem> {
  const firstLine = Buffer.concat(head).toString('utf8').replace(/^\uFEFF/, '').split('\n').find((line) => line.trim());
  if (!firstLine || !isJsonObject(firstLine)) {
    await rest.return?.();
    yield errorItem(WHERE, `larger than ${formatSize(settings.maxTextBytes)} and not JSONL`);
    return;
  }
  yield* jsonlItems(linesOf(Readable.from(replay(head, rest))), WHERE, settings);
}

async function* replay(head: Buffer[], rest: Chunks): AsyncGenerator<string | Buffer> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
