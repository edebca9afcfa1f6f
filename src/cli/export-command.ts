// The `marsad export` command line; the work is in export.ts, loaded on use.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { EXPORT_FORMATS } from '../export/format.ts';
import { dayBounds } from '../store/days.ts';
import type { ExportOptions } from './export.ts';

export interface ExportCommandContext {
  /** the --db option every database command shares */
  dbOption(): Option;
  setStatus(status: number): void;
}

/** A range bound as the store reads it: YYYY, YYYY-MM or YYYY-MM-DD. */
function rangeDate(value: string): string {
  try {
    dayBounds({ from: value });
  } catch {
    throw new InvalidArgumentError('expected a date as YYYY, YYYY-MM or YYYY-MM-DD.');
  }
  return value;
}

export function addExportCommand(program: Command, { dbOption, setStatus }: ExportCommandContext): void {
  program
    .command('export')
    .description('Write the stored articles, oldest first: contract JSONL, or one row per event as CSV or GDELT-style TSV')
    .addOption(new Option('--format <format>', 'jsonl (the contract), csv (spreadsheets, R, pandas) or gdelt (GDELT 2.0 event-table columns and the evidence)').choices(EXPORT_FORMATS).default('jsonl'))
    .addOption(dbOption())
    .option('--from <date>', 'articles published from this date on (YYYY, YYYY-MM or YYYY-MM-DD)', rangeDate)
    .option('--to <date>', 'articles published up to this date, inclusive', rangeDate)
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (options: ExportOptions) => {
      const { runExport } = await import('./export.ts');
      setStatus(await runExport(options));
    });
}
