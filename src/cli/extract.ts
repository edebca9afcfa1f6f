// `marsad extract`: every input read, every article extracted and written, every failure
// reported on its own line while the rest go on.
import { loadKb, type Kb } from '../kb/load.ts';
import { extractDoc } from '../extract/pipeline.ts';
import type { ContractDoc, RawDoc } from '../extract/types.ts';
import { reasonOf, type InputError } from '../ingest/items.ts';
import { readInputs } from '../ingest/read.ts';
import { openOutput } from './output.ts';
import { progressMeter } from './progress.ts';
import { formatReport } from './report.ts';

export type Format = 'jsonl' | 'text';

export interface ExtractOptions {
  out?: string;
  published?: string;
  format: Format;
}

/** Resolves to the exit status: 1 when any input failed, 0 otherwise. */
export async function runExtract(inputs: string[], options: ExtractOptions): Promise<number> {
  const outName = options.out ?? 'stdout';
  let output;
  try {
    output = await openOutput(options.out);
  } catch (err) {
    reportError({ where: outName, reason: reasonOf(err) });
    return 1;
  }
  const kb = loadKb();
  const format = formatter(options.format, kb);
  const progress = process.stderr.isTTY ? progressMeter((line) => process.stderr.write(`${line}\n`)) : null;
  let failed = false;
  for await (const item of readInputs(inputs, { published: options.published })) {
    if ('error' in item) {
      failed = true;
      reportError(item.error);
      continue;
    }
    const doc = extractOrReport(item.doc, kb);
    if (!doc) {
      failed = true;
      continue;
    }
    try {
      await output.write(format(doc));
    } catch (err) {
      return writeFailure(err, outName, failed);
    }
    progress?.tick();
  }
  try {
    await output.close();
  } catch (err) {
    return writeFailure(err, outName, failed);
  }
  progress?.done();
  return failed ? 1 : 0;
}

/** `write` takes the line without its newline; the ingest progress bar clears itself first. */
export function reportError({ where, reason }: InputError, write = (line: string) => { process.stderr.write(`${line}\n`); }): void {
  write(`marsad: ${where}: ${reason.replace(/\s+/g, ' ')}`);
}

function formatter(format: Format, kb: Kb): (doc: ContractDoc) => string {
  // A code the gazetteer does not know is still better shown than dropped.
  if (format === 'text') return (doc) => formatReport(doc, (iso3) => kb.countries.get(iso3)?.nameEn || iso3);
  return (doc) => `${JSON.stringify(doc)}\n`;
}

/** A pipeline bug on one article must not cost the others. */
function extractOrReport(raw: RawDoc, kb: Kb): ContractDoc | null {
  try {
    return extractDoc(raw, kb);
  } catch (err) {
    reportError({ where: raw.id, reason: `extraction failed: ${reasonOf(err)}` });
    return null;
  }
}

function writeFailure(err: unknown, outName: string, failed: boolean): number {
  // A reader that stops early (`marsad extract … | head`) has all it wanted.
  if ((err as NodeJS.ErrnoException).code === 'EPIPE') return failed ? 1 : 0;
  reportError({ where: outName, reason: reasonOf(err) });
  return 1;
}
