// npm run cluster:eval [-- FILE.jsonl.gz …] [--limit N]: extracts every corpus article, clusters
// the events across documents and measures the clusters against the corpus's own duplicates.
//
// Silver standard: the corpus carries the same story more than once (two categories of one
// outlet, or two outlets); articles whose cleaned text starts with the same 300 normalized
// characters are taken as one story. Recall: of the event pairs that two copies of a story
// both yield (same type, same participants), the share clustered together. Precision proxy:
// clustered pairs from different stories whose texts share few words: either one event told
// in other words (what clustering is for) or a false merge; a sample is printed to judge.
import { createHash } from 'node:crypto';
import { clusterEvents, type ClusterEvent } from '../src/cluster/cluster.ts';
import { toClusterEvent } from '../src/cluster/keys.ts';
import { extractDoc } from '../src/extract/pipeline.ts';
import { loadKb } from '../src/kb/load.ts';
import { normalizeArabic } from '../src/kb/normalize.ts';
import { readInputs } from '../src/ingest/read.ts';
import { corpusArgs } from './corpus-args.ts';

const STORY_PREFIX = 300;
/** Word overlap (Jaccard) under which two articles are told apart as different texts. */
const LOW_OVERLAP = 0.2;
const SAMPLE = 20;

const { files, limit } = corpusArgs('cluster:eval');

const WORD = /[\p{L}\p{N}]+/gu;

/** The story a text tells, as far as its first normalized characters say. */
function storyKey(text: string): string {
  const letters = (normalizeArabic(text).match(WORD) ?? []).join(' ').slice(0, STORY_PREFIX);
  return createHash('sha1').update(letters).digest('base64');
}

/** Sorted distinct 32-bit hashes of a text's words: a compact stand-in for its vocabulary. */
function wordHashes(text: string): Uint32Array {
  const set = new Set<number>();
  for (const w of normalizeArabic(text).match(WORD) ?? []) {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    set.add(h >>> 0);
  }
  return Uint32Array.from(set).sort();
}

function overlap(a: Uint32Array, b: Uint32Array): number {
  let i = 0, j = 0, common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { common++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return common / (a.length + b.length - common || 1);
}

interface DocInfo { key: string; story: string; source: string | null; words: Uint32Array }

const kb = loadKb();
const docs: DocInfo[] = [];
const events: ClusterEvent[] = [];
let read = 0;
const t0 = Date.now();
for await (const item of readInputs(files)) {
  if (read >= limit) break;
  if ('error' in item) continue;
  read++;
  const doc = extractDoc(item.doc, kb);
  if (!doc.events.length) continue;
  const docId = docs.length;
  docs.push({ key: doc.id, story: storyKey(doc.text), source: item.doc.source ?? null, words: wordHashes(doc.text) });
  for (const e of doc.events) {
    events.push(toClusterEvent(e, { id: events.length, docId, source: docs[docId].source, published: doc.published }));
  }
  if (process.stderr.isTTY && read % 1000 === 0) process.stderr.write(`\rcluster:eval: ${read} articles`);
}
if (process.stderr.isTTY) process.stderr.write(`\r${' '.repeat(40)}\r`);
const extractSecs = (Date.now() - t0) / 1000;

const t1 = Date.now();
const groups = clusterEvents(events);
const clusterMs = Date.now() - t1;
const clusterOf = new Int32Array(events.length);
groups.forEach((g, i) => { for (const id of g) clusterOf[id] = i; });

const multiDoc = groups.filter((g) => new Set(g.map((id) => events[id].docId)).size > 1);
const multiSource = multiDoc.filter((g) => new Set(g.map((id) => events[id].source ?? `doc ${events[id].docId}`)).size > 1);

// Recall on the silver standard: event pairs that copies of one story share.
const byStory = new Map<string, number[]>();
docs.forEach((d, i) => { const list = byStory.get(d.story); if (list) list.push(i); else byStory.set(d.story, [i]); });
const eventsOfDoc = new Map<number, ClusterEvent[]>();
for (const e of events) { const list = eventsOfDoc.get(e.docId); if (list) list.push(e); else eventsOfDoc.set(e.docId, [e]); }
const sameEvent = (a: ClusterEvent, b: ClusterEvent) =>
  a.type === b.type && a.participants.join() === b.participants.join() && a.date === b.date && a.place === b.place;
let storyGroups = 0, silver = 0, together = 0;
const missed: [ClusterEvent, ClusterEvent][] = [];
for (const copies of byStory.values()) {
  if (copies.length < 2) continue;
  storyGroups++;
  for (let i = 0; i < copies.length; i++) {
    for (let j = i + 1; j < copies.length; j++) {
      for (const a of eventsOfDoc.get(copies[i])!) {
        for (const b of eventsOfDoc.get(copies[j])!) {
          if (!sameEvent(a, b)) continue;
          silver++;
          if (clusterOf[a.id] === clusterOf[b.id]) together++; else missed.push([a, b]);
        }
      }
    }
  }
}

// Precision proxy: clustered pairs by how much their articles' texts share.
let pairs = 0, sameStory = 0, rewritten = 0;
const lowOverlap: [ClusterEvent, ClusterEvent, number][] = [];
for (const g of multiDoc) {
  for (let i = 0; i < g.length; i++) {
    for (let j = i + 1; j < g.length; j++) {
      const [a, b] = [events[g[i]], events[g[j]]];
      pairs++;
      if (docs[a.docId].story === docs[b.docId].story) { sameStory++; continue; }
      const o = overlap(docs[a.docId].words, docs[b.docId].words);
      if (o >= LOW_OVERLAP) rewritten++; else lowOverlap.push([a, b, o]);
    }
  }
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
console.log(`articles  ${read} read in ${extractSecs.toFixed(1)} s, ${docs.length} with events`);
console.log(`events    ${events.length} in ${groups.length} clusters (clustered in ${clusterMs} ms)`);
console.log(`clusters  ${multiDoc.length} with reports from several articles, ${multiSource.length} from several sources; largest ${Math.max(0, ...groups.map((g) => g.length))} reports`);
console.log(`silver    ${storyGroups} duplicated stories: ${silver} event pairs both copies yield, ${together} clustered together: recall ${pct(together, silver)}`);
console.log(`pairs     ${pairs} clustered pairs across articles: ${sameStory} within one duplicated story, ${rewritten} between texts sharing ≥ ${LOW_OVERLAP} of their words, ${lowOverlap.length} (${pct(lowOverlap.length, pairs)}) between texts sharing fewer`);

const show = (e: ClusterEvent) =>
  `${docs[e.docId].key} ${e.source ?? '-'} ${e.date ?? `(published ${e.published})`}${e.place ? ` @${e.place}` : ''}: ${e.evidence.slice(0, 140)}`;
// Spread the samples over the whole list rather than its first cluster.
const spread = <T>(list: T[]) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / SAMPLE)) === 0).slice(0, SAMPLE);
if (lowOverlap.length) {
  console.log(`\nsample of clustered pairs from texts sharing < ${LOW_OVERLAP} of their words (judge: same event?)`);
  for (const [a, b, o] of spread(lowOverlap)) console.log(`- ${a.type} ${a.participants.join(' ')} | ${b.participants.join(' ')} (overlap ${o.toFixed(2)})\n    ${show(a)}\n    ${show(b)}`);
}
if (missed.length) {
  console.log('\nsample of silver pairs left apart');
  for (const [a, b] of spread(missed)) console.log(`- ${a.type} ${a.participants.join(' ')}\n    ${show(a)}\n    ${show(b)}`);
}
