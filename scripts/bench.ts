// npm run bench [-- FILE.jsonl.gz …] [--limit N] [--store-only]: streams corpus articles through
// extraction on one core and prints articles/s, MB/s and peak memory, next to a floor pass over
// the same articles (read, decompress, parse and normalize only) measured in the same run; then
// ingests them into a fresh database and times search and event queries (bench-store.ts).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { loadKb } from '../src/kb/load.ts';
import { normalizeArabic } from '../src/kb/normalize.ts';
import { extractDoc } from '../src/extract/pipeline.ts';
import type { RawDoc } from '../src/extract/types.ts';
import { benchStore } from './bench-store.ts';
import { corpusArgs } from './corpus-args.ts';

const { files, limit, flags } = corpusArgs('bench');

async function* articles(): AsyncGenerator<{ raw: RawDoc; bytes: number }> {
  let n = 0;
  for (const file of files) {
    const input = createReadStream(file);
    const lines = createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      if (n++ >= limit) { input.destroy(); return; }
      const rec = JSON.parse(line) as RawDoc;
      yield { raw: { ...rec, id: String(rec.id) }, bytes: Buffer.byteLength(line) };
    }
  }
}

let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };

async function pass(name: string, work: (raw: RawDoc) => number): Promise<{ n: number; secs: number; mb: number }> {
  let n = 0, bytes = 0, sink = 0;
  const t0 = process.hrtime.bigint();
  for await (const { raw, bytes: b } of articles()) {
    sink += work(raw);
    n++; bytes += b;
    if (n % 2000 === 0) { sample(); if (process.stderr.isTTY) process.stderr.write(`\r${name}: ${n} articles`); }
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (process.stderr.isTTY) process.stderr.write(`\r${' '.repeat(40)}\r`);
  if (sink < 0) console.log(sink);
  return { n, secs, mb: bytes / 1e6 };
}

if (flags.includes('--store-only')) {
  await benchStore(files, limit);
  process.exit(0);
}

const kb = loadKb();
const floor = await pass('floor', (raw) => normalizeArabic(raw.text).length);
const full = await pass('extract', (raw) => { const d = extractDoc(raw, kb); return d.events.length + d.entities.length; });
sample();
const row = (name: string, r: { n: number; secs: number; mb: number }) =>
  `${name.padEnd(8)} ${r.n} articles in ${r.secs.toFixed(1)} s: ${(r.n / r.secs).toFixed(0)} articles/s, ${(r.mb / r.secs).toFixed(2)} MB/s`;
console.log(row('floor', floor));
console.log(row('extract', full));
console.log(`ratio    extract takes ${(full.secs / floor.secs).toFixed(1)}x the floor pass`);
console.log(`memory   peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
await benchStore(files, limit);
