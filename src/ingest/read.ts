// CLI inputs → articles. Each path is a file or a directory; `-` is standard input.
// Everything that can go wrong with one input becomes an error item naming it, so the
// caller reports it and carries on with the rest.
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { decodeBytes } from './decode.ts';
import { jsonlFileLines, jsonlItems } from './jsonl.ts';
import { stdinItems } from './stdin.ts';
import { errorItem, reasonOf, textDoc, type IngestItem } from './items.ts';
import { formatSize, settingsOf, type ReadOptions, type Settings } from './settings.ts';

const JSONL_FILE = /\.jsonl(\.gz)?$/i;
const TEXT_FILE = /\.txt$/i;

export async function* readInputs(inputs: string[], options: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const settings = settingsOf(options);
  for (const input of inputs) {
    if (input === '-') yield* stdinItems(options.stdin ?? process.stdin, settings);
    else yield* pathItems(input, settings);
  }
}

async function* pathItems(path: string, settings: Settings): AsyncGenerator<IngestItem> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (err) {
    yield errorItem(path, reasonOf(err));
    return;
  }
  // A file named on the command line is read whatever its extension; only JSONL is told
  // apart by name, and the decoder refuses anything that is not text.
  if (!isDirectory) {
    yield* fileItems(path, settings);
    return;
  }
  let found = false;
  for await (const item of directoryItems(path, settings)) {
    found = true;
    yield item;
  }
  // Silence here would hide a mistyped path behind an exit status of 0.
  if (!found) yield errorItem(path, 'no .txt, .jsonl or .jsonl.gz files in this directory');
}

/** Article files under `dir`, recursively, in name order so runs are reproducible. */
async function* directoryItems(dir: string, settings: Settings): AsyncGenerator<IngestItem> {
  for await (const file of articleFiles(dir)) {
    if (typeof file === 'string') yield* fileItems(file, settings);
    else yield file;
  }
}

async function* articleFiles(dir: string): AsyncGenerator<string | IngestItem> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield errorItem(dir, reasonOf(err));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Hidden files are editor backups and macOS `._name.txt` resource forks, not articles.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* articleFiles(path);
    else if (JSONL_FILE.test(entry.name) || TEXT_FILE.test(entry.name)) yield path;
  }
}

/** The bytes readInputs will read from `inputs` (what `onBytes` counts up to), or null when
 *  standard input makes the total unknowable. Inputs that cannot be read count for nothing. */
export async function inputBytes(inputs: string[]): Promise<number | null> {
  if (inputs.includes('-')) return null;
  let total = 0;
  const size = async (path: string) => (await stat(path).catch(() => null))?.size ?? 0;
  for (const input of inputs) {
    if (!(await stat(input).catch(() => null))?.isDirectory()) total += await size(input);
    else for await (const file of articleFiles(input)) if (typeof file === 'string') total += await size(file);
  }
  return total;
}

async function* fileItems(path: string, settings: Settings): AsyncGenerator<IngestItem> {
  try {
    if (JSONL_FILE.test(path)) yield* jsonlItems(jsonlFileLines(path, settings.onBytes), path, settings);
    else yield await textFileItem(path, settings);
  } catch (err) {
    yield errorItem(path, reasonOf(err));
  }
}

async function textFileItem(path: string, settings: Settings): Promise<IngestItem> {
  const { size } = await stat(path);
  if (size > settings.maxTextBytes) return errorItem(path, `larger than ${formatSize(settings.maxTextBytes)} (${formatSize(size)})`);
  const bytes = await readFile(path);
  settings.onBytes(bytes.length);
  const { text } = decodeBytes(bytes);
  if (!text.trim()) return errorItem(path, 'empty file');
  return textDoc(basename(path, extname(path)), text, settings);
}
