// The `marsad` command line. Exit status: 0 all went well, 1 some input failed (the others
// were still processed), 2 the command line itself was wrong.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { leadingIsoDate } from '../ingest/date.ts';
import { VERSION } from '../version.ts';
import type { ExtractOptions } from './extract.ts';

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
  return marsad;
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
