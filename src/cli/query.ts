// `marsad search`, `events`, `actors` and `dyad`: questions to the database, answered as a
// table to read, or as CSV or JSONL for other programs.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Actor } from '../extract/types.ts';
import { actorName } from '../export/actors.ts';
import { CONSULT_MODES, EVENT_TYPES, type ActorStats, type DyadBucket, type EventCluster, type EventQuery, type SearchHit, type Store } from '../store/types.ts';
import { openOutput } from './output.ts';
import { formatRows, formatTable, QUERY_FORMATS, type Column, type QueryFormat } from './table.ts';

export interface QueryCommandsContext {
  /** the --db option every database command shares */
  dbOption(): Option;
  positiveInteger(value: string): number;
  setStatus(status: number): void;
}

interface CommonOptions { db?: string; format: QueryFormat; from?: string; to?: string; limit?: number }

function partialDate(value: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new InvalidArgumentError('expected a date as YYYY, YYYY-MM or YYYY-MM-DD.');
  return value;
}

function iso3(value: string): string {
  if (!/^[A-Za-z]{3}$/.test(value)) throw new InvalidArgumentError('expected an ISO 3166 alpha-3 country code such as RUS.');
  return value.toUpperCase();
}

function oneOf<T extends string>(values: readonly T[], normalize: (v: string) => string = (v) => v): (value: string) => T {
  return (value) => {
    const v = normalize(value) as T;
    if (!values.includes(v)) throw new InvalidArgumentError(`expected one of ${values.join(', ')}.`);
    return v;
  };
}

/** Opens the database (which must exist), answers, and turns any failure into one line on
 *  standard error and exit status 1. */
async function answer(options: CommonOptions, work: (store: Store) => Promise<string>): Promise<number> {
  let store: Store | undefined;
  try {
    // Loaded on use, so help and usage errors answer without opening a database.
    const { openStore } = await import('../store/open.ts');
    store = await openStore(options.db, { mustExist: true });
    const output = await openOutput(undefined);
    await output.write(await work(store));
    await output.close();
    return 0;
  } catch (err) {
    // A reader that stops early (`marsad events | head`) has all it wanted.
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    process.stderr.write(`marsad: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

/** A person with their country, so a reader without Arabic can place them. */
const actorLabel = (a: Actor) => (a.kind === 'person' && a.country ? `${actorName(a)} (${a.country})` : actorName(a));
const actorList = (actors: Actor[]) => actors.map(actorLabel).join(', ');

const SEARCH_COLUMNS: Column<SearchHit>[] = [
  { header: 'score', value: (h) => h.score.toFixed(2), numeric: true },
  { header: 'published', value: (h) => h.published },
  { header: 'source', value: (h) => h.source },
  { header: 'id', value: (h) => h.key },
  { header: 'title', value: (h) => h.title, max: 70 },
  { header: 'url', value: (h) => h.url },
  { header: 'snippet', value: (h) => h.snippet },
];
const SEARCH_TABLE = SEARCH_COLUMNS.filter((c) => ['published', 'source', 'id', 'title'].includes(c.header));

/** Each hit's line, then its snippet indented under it. */
function searchTable(hits: SearchHit[]): string {
  if (!hits.length) return '(no articles match)\n';
  const [header, rule, ...lines] = formatTable(SEARCH_TABLE, hits).trimEnd().split('\n');
  return [header, rule, ...lines.flatMap((line, i) => [line, `    ${hits[i].snippet}`])].join('\n') + '\n';
}

const EVENT_COLUMNS: Column<EventCluster>[] = [
  { header: 'id', value: (c) => c.id, numeric: true },
  { header: 'date', value: (c) => c.date },
  { header: 'type', value: (c) => c.type },
  { header: 'mode', value: (c) => c.mode },
  { header: 'status', value: (c) => c.status },
  { header: 'actors', value: (c) => actorList(c.actors), max: 50 },
  { header: 'recipients', value: (c) => actorList(c.recipients), max: 50 },
  { header: 'place', value: (c) => c.place },
  { header: 'reports', value: (c) => c.mentions, numeric: true },
  { header: 'sources', value: (c) => c.sources, numeric: true },
  { header: 'doc', value: (c) => c.docKey },
  { header: 'url', value: (c) => c.url },
  { header: 'evidence', value: (c) => c.evidence },
];
const EVENT_TABLE = EVENT_COLUMNS.filter((c) => !['doc', 'url', 'evidence'].includes(c.header));

const ACTOR_COLUMNS: Column<ActorStats>[] = [
  { header: 'name', value: (a) => a.name_en ?? a.name_ar },
  { header: 'name_ar', value: (a) => a.name_ar },
  { header: 'kind', value: (a) => a.kind },
  { header: 'country', value: (a) => a.country },
  { header: 'roles', value: (a) => a.roles.join('; '), max: 50 },
  { header: 'events', value: (a) => a.events, numeric: true },
  { header: 'documents', value: (a) => a.documents, numeric: true },
];

const DYAD_COLUMNS: Column<DyadBucket>[] = [
  { header: 'period', value: (b) => b.period },
  { header: 'type', value: (b) => b.type },
  { header: 'events', value: (b) => b.count, numeric: true },
  { header: 'cooperative', value: (b) => b.cooperative, numeric: true },
  { header: 'conflictual', value: (b) => b.conflictual, numeric: true },
];

/** The cooperative and conflictual shares under the dyad's table. */
function dyadSummary(a: string, b: string, buckets: DyadBucket[]): string {
  const sum = (f: (b: DyadBucket) => number) => buckets.reduce((n, x) => n + f(x), 0);
  const total = sum((x) => x.count);
  if (!total) return `(no events between ${a} and ${b})\n`;
  const share = (n: number) => `${Math.round((100 * n) / total)}%`;
  return `\n${a}–${b}: ${total} events, ${share(sum((x) => x.cooperative))} cooperative, ${share(sum((x) => x.conflictual))} conflictual\n`;
}

/** Adds the four commands to the program, so they inherit its error and help settings. */
export function addQueryCommands(program: Command, { dbOption, positiveInteger, setStatus }: QueryCommandsContext): void {
  /** The options every query command has, listed after its own. */
  const common = (command: Command, limit: number | null) => {
    command
      .option('--from <date>', 'from this date on (YYYY, YYYY-MM or YYYY-MM-DD)', partialDate)
      .option('--to <date>', 'up to this date, inclusive', partialDate);
    if (limit !== null) command.option('--limit <n>', 'at most this many rows', positiveInteger, limit);
    return command
      .addOption(dbOption())
      .addOption(new Option('--format <format>', 'table to read, jsonl or csv for programs').choices(QUERY_FORMATS).default('table'));
  };

  common(program
      .command('search')
      .description('Search the articles: Arabic spelling variants and word forms match (سيرغي / سيرجي, روسيا / الروسية)')
      .argument('<query...>', 'words that must all occur')
      .option('--source <name>', 'only articles from this source'), 20)
    .action(async (words: string[], o: CommonOptions & { source?: string }) => {
      setStatus(await answer(o, async (store) => {
        const hits = await store.search({ q: words.join(' '), from: o.from, to: o.to, source: o.source, limit: o.limit });
        return o.format === 'table' ? searchTable(hits) : formatRows(o.format, SEARCH_COLUMNS, hits);
      }));
    });

  common(program
      .command('events')
      .description('List events, newest first: each real-world event once, with how many reports and sources told of it')
      .option('--actor <name>', 'a participant, by Arabic or English name (لافروف, Lavrov)')
      .option('--country <iso3>', 'a participant of this country', iso3)
      .option('--with <iso3>', 'with --country: a participant of this country too (the dyad)', iso3)
      .option('--type <type>', `event type: ${EVENT_TYPES.join(', ')}`, oneOf(EVENT_TYPES, (v) => v.toUpperCase()))
      .option('--mode <mode>', `meeting mode: ${CONSULT_MODES.join(', ')}`, oneOf(CONSULT_MODES, (v) => v.toLowerCase()))
      .option('--after <cursor>', 'the page after the one that printed this cursor'), 50)
    .action(async (o: CommonOptions & EventQuery) => {
      setStatus(await answer(o, async (store) => {
        const { actor, country, with: other, type, mode, from, to, limit, after } = o;
        const { clusters, next } = await store.events({ actor, country, with: other, type, mode, from, to, limit, after });
        if (next) process.stderr.write(`marsad: more events: add --after ${next}\n`);
        if (o.format === 'table' && !clusters.length) return '(no events match)\n';
        return formatRows(o.format, o.format === 'table' ? EVENT_TABLE : EVENT_COLUMNS, clusters);
      }));
    });

  common(program
      .command('actors')
      .description('The most active people, states and organisations, with their countries and roles')
      .option('--country <iso3>', 'only actors of this country', iso3), 30)
    .action(async (o: CommonOptions & { country?: string }) => {
      setStatus(await answer(o, async (store) => {
        const found = await store.actors({ country: o.country, from: o.from, to: o.to, limit: o.limit });
        return formatRows(o.format, ACTOR_COLUMNS, found);
      }));
    });

  common(program
      .command('dyad')
      .description('Events between two countries per month or year and type, with the cooperative and conflictual shares')
      .argument('<a>', 'a country (ISO3)', iso3)
      .argument('<b>', 'the other country (ISO3)', iso3)
      .addOption(new Option('--by <period>', 'period').choices(['month', 'year'] as const).default('month')), null)
    .action(async (a: string, b: string, o: CommonOptions & { by: 'month' | 'year' }) => {
      setStatus(await answer(o, async (store) => {
        const buckets = await store.dyad(a, b, o.by, { from: o.from, to: o.to });
        return o.format === 'table' ? formatTable(DYAD_COLUMNS, buckets) + dyadSummary(a, b, buckets) : formatRows(o.format, DYAD_COLUMNS, buckets);
      }));
    });
}
