// npm run bench [-- FILE.jsonl.gz …] [--limit N] [--store-only | --extract-only]: streams corpus articles through
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

interface Pass { n: number; secs: number; cpuSecs: number; mb: number }

async function pass(name: string, work: (raw: RawDoc) => number): Promise<Pass> {
  let n = 0, bytes = 0, sink = 0;
  const t0 = process.hrtime.bigint();
  // CPU time beside wall time: on a shared machine the wall clock also counts other work
  const cpu0 = process.cpuUsage();
  for await (const { raw, bytes: b } of articles()) {
    sink += work(raw);
    n++; bytes += b;
    if (n % 2000 === 0) { sample(); if (process.stderr.isTTY) process.stderr.write(`\r${name}: ${n} articles`); }
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  if (process.stderr.isTTY) process.stderr.write(`\r${' '.repeat(40)}\r`);
  if (sink < 0) console.log(sink);
  return { n, secs, cpuSecs: (cpu.user + cpu.system) / 1e6, mb: bytes / 1e6 };
}

if (flags.includes('--store-only')) {
  await benchStore(files, limit);
  process.exit(0);
}

const kb = loadKb();
const floor = await pass('floor', (raw) => normalizeArabic(raw.text).length);
const full = await pass('extract', (raw) => { const d = extractDoc(raw, kb); return d.events.length + d.entities.length; });
sample();
const row = (name: string, r: Pass) =>
  `${name.padEnd(8)} ${r.n} articles in ${r.secs.toFixed(1)} s: ${(r.n / r.secs).toFixed(0)} articles/s, ${(r.mb / r.secs).toFixed(2)} MB/s` +
  ` (${(r.n / r.cpuSecs).toFixed(0)} articles per CPU-second)`;
console.log(row('floor', floor));
console.log(row('extract', full));
console.log(`ratio    extract takes ${(full.secs / floor.secs).toFixed(1)}x the floor pass (${(full.cpuSecs / floor.cpuSecs).toFixed(1)}x in CPU time)`);
console.log(`memory   peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
if (!flags.includes('--extract-only')) await benchStore(files, limit);
