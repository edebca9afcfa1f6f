// The `marsad` command line. Exit status: 0 all went well, 1 some input failed (the others
// were still processed), 2 the command line itself was wrong.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { leadingIsoDate } from '../ingest/date.ts';
import { VERSION } from '../version.ts';
import { parseDuration } from './duration.ts';
import type { DemoOptions } from './demo.ts';
import type { ExtractOptions } from './extract.ts';
import type { IngestOptions } from './ingest.ts';
import { addExportCommand } from './export-command.ts';
import { addMigrateCommand } from './migrate.ts';
import { addQueueCommands } from './queue.ts';
import { addQueryCommands } from './query.ts';
import { DEFAULT_CACHE_SECONDS } from '../server/cache.ts';
import { DEFAULT_HOST, DEFAULT_PORT, type ServeOptions } from './serve.ts';
import type { WatchOptions } from './watch.ts';

const USAGE_ERROR = 2;

function publishedDate(value: string): string {
  if (leadingIsoDate(value) !== value) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return value;
}

function program(setStatus: (status: number) => void): Command {
  const marsad = new Command('marsad')
    .description('Arabic news in, political event data with evidence out')
    .version(VERSION)
    .configureOutput({ outputError: (message, write) => write(`marsad: ${message}`) })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  marsad
    .command('extract')
    .description('Extract events and statements from articles and write contract JSONL')
    .argument('[input...]', '.txt, .jsonl or .jsonl.gz files, directories of them, or - for standard input (the default when it is piped)')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for articles that carry none', publishedDate)
    .addOption(new Option('--format <format>', 'jsonl (contract) or text (English gloss for reading)').choices(['jsonl', 'text']).default('jsonl'))
    .action(async function (this: Command, inputs: string[], options: ExtractOptions) {
      // With nothing piped in, waiting on the terminal would look like a hang.
      if (!inputs.length && process.stdin.isTTY) this.error('error: no input given', { exitCode: USAGE_ERROR });
      // Loaded on use, so help and usage errors answer at once without the knowledge base.
      const { runExtract } = await import('./extract.ts');
      setStatus(await runExtract(inputs.length ? inputs : ['-'], options));
    });
  marsad
    .command('ingest')
    .description('Extract articles, web pages and feed items into the database; an article stored already is not stored again')
    .argument('[input...]', 'what extract reads (files, directories, - for standard input), and http(s) URLs of article pages')
    .option('--feed <url>', 'an RSS or Atom feed whose new items are fetched and ingested (repeatable)', (url: string, urls: string[] = []) => [...urls, url])
    .addOption(dbOption())
    .option('--published <date>', 'publication date (YYYY-MM-DD) for articles that carry none', publishedDate)
    .option('--batch <n>', 'articles per transaction', positiveInteger, 200)
    .option('--queue', 'queue the articles as jobs for workers (marsad worker) instead of extracting them here; needs a PostgreSQL database')
    .action(async function (this: Command, inputs: string[], options: Omit<IngestOptions, 'feed'> & { feed?: string[] }) {
      const feed = options.feed ?? [];
      if (!inputs.length && !feed.length && process.stdin.isTTY) this.error('error: no input given', { exitCode: USAGE_ERROR });
      const { runIngest } = await import('./ingest.ts');
      setStatus(await runIngest(inputs.length || feed.length ? inputs : ['-'], { ...options, feed }));
    });
  marsad
    .command('watch')
    .description('Poll a list of feeds and ingest their new items until stopped (Ctrl-C or SIGTERM)')
    .argument('<feeds-file>', 'feed URLs, one per line; # starts a comment')
    .addOption(new Option('--every <duration>', 'time between polls: 30s, 15m, 1h').argParser(duration).default(15 * 60_000, '15m'))
    .addOption(dbOption())
    .option('--published <date>', 'publication date (YYYY-MM-DD) for articles that carry none', publishedDate)
    .option('--batch <n>', 'articles per transaction', positiveInteger, 200)
    .action(async (feedsFile: string, options: WatchOptions) => {
      const { runWatch } = await import('./watch.ts');
      setStatus(await runWatch(feedsFile, options));
    });
  marsad
    .command('demo')
    .description('Ingest the bundled example articles into a local database, show what the query commands give, then serve the dashboard on it')
    // Not $MARSAD_DB: the demo must never write into the user's own database.
    .addOption(new Option('--db <file>', 'the database file').default('marsad-demo.db'))
    .option('--no-serve', 'end after the queries instead of starting the server on the demo database')
    .option('--port <n>', 'the port the server listens on', port, DEFAULT_PORT)
    .action(async (options: DemoOptions) => {
      const { runDemo } = await import('./demo.ts');
      setStatus(await runDemo(options));
    });
  marsad
    .command('serve')
    .description('Serve the JSON API (docs at /docs) and the dashboard over the database until stopped (Ctrl-C or SIGTERM); with MARSAD_TOKEN set, POST /api/documents takes articles from holders of that token')
    .addOption(dbOption())
    .option('--port <n>', 'the port to listen on', port, DEFAULT_PORT)
    .option('--host <address>', 'the address to listen on (0.0.0.0 for every interface)', DEFAULT_HOST)
    .option('--cache <seconds>', 'how long an answer is reused for the same question (0: never)', nonNegativeInteger, DEFAULT_CACHE_SECONDS)
    .action(async (options: ServeOptions) => {
      const { runServe } = await import('./serve.ts');
      setStatus(await runServe(options));
    });
  addQueryCommands(marsad, { dbOption, positiveInteger, setStatus });
  addExportCommand(marsad, { dbOption, setStatus });
  addQueueCommands(marsad, { dbOption, positiveInteger, duration, setStatus });
  addMigrateCommand(marsad, { positiveInteger, setStatus });
  return marsad;
}

/** The database: --db, else $MARSAD_DB, else $MARSAD_DATABASE_URL, else marsad.db in the
 *  current directory. */
function dbOption(): Option {
  // The URL's value is not shown in help: it may hold a password.
  return new Option('--db <file>', 'the database file, or a postgres:// URL').env('MARSAD_DB')
    .default(process.env.MARSAD_DATABASE_URL || 'marsad.db', process.env.MARSAD_DATABASE_URL ? '$MARSAD_DATABASE_URL' : undefined);
}

function positiveInteger(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a positive whole number.');
  return Number(value);
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

function port(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port number (0 to 65535; 0 picks a free one).');
  return Number(value);
}

function duration(value: string): number {
  const ms = parseDuration(value);
  if (ms === null) throw new InvalidArgumentError('expected a duration such as 30s, 15m or 1h.');
  return ms;
}

async function main(argv: string[]): Promise<number> {
  let status = 0;
  const marsad = program((s) => { status = s; });
  try {
    await marsad.parseAsync(argv);
  } catch (err) {
    // Commander has already printed the message or the help text.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : USAGE_ERROR;
    throw err;
  }
  return status;
}

try {
  process.exitCode = await main(process.argv);
} catch (err) {
  process.stderr.write(`marsad: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
