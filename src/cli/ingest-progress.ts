// What a long ingest shows while it runs. At a terminal: one line redrawn in place, with a
// bar when the size of the input is known (local files). Redirected to a log: a summary
// line every so often, so the log shows the run is alive without flooding it.

export interface IngestCounts { read: number; new: number; updated: number; unchanged: number; failed: number; events: number }

export const noCounts = (): IngestCounts => ({ read: 0, new: 0, updated: 0, unchanged: 0, failed: 0, events: 0 });

/** The run's result in one line: `12 read, 5 new, 0 updated, 7 unchanged, 0 failed, 23 events, 1.4 s`. */
export function summaryLine(counts: IngestCounts, seconds: number): string {
  const { read, updated, unchanged, failed, events } = counts;
  return `${read} read, ${counts.new} new, ${updated} updated, ${unchanged} unchanged, ${failed} failed, ${events} events, ${seconds.toFixed(1)} s`;
}

export interface IngestProgress {
  /** `bytes` more of the local input read */
  addBytes(bytes: number): void;
  update(counts: IngestCounts): void;
  /** writes an error line without garbling the bar */
  log(line: string): void;
  /** removes the bar */
  done(): void;
}

export interface ProgressOptions {
  /** bytes of local input in all, when known */
  totalBytes: number | null;
  /** the command the summary lines name (ingest, worker) */
  command?: string;
  /** between summary lines when not at a terminal */
  everyMs?: number;
  now?: () => number;
}

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export function ingestProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, options: ProgressOptions): IngestProgress {
  const { totalBytes, command = 'ingest', everyMs = 10_000, now = () => performance.now() } = options;
  const start = now();
  let bytes = 0;
  let counts = noCounts();
  let shown = start;
  let barShown = false;
  const seconds = () => (now() - start) / 1000;
  const clearBar = () => {
    if (barShown) stream.write('\r\x1b[K');
    barShown = false;
  };
  const fraction = () => (totalBytes ? Math.min(1, bytes / totalBytes) : null);
  const tick = () => {
    const elapsed = now() - shown;
    if (stream.isTTY && elapsed >= REDRAW_MS) {
      stream.write(`\r\x1b[K${barLine(counts, fraction(), seconds())}`);
      barShown = true;
    } else if (!stream.isTTY && elapsed >= everyMs) {
      stream.write(`marsad: ${command}: ${summaryLine(counts, seconds())}\n`);
    } else return;
    shown = now();
  };
  return {
    addBytes(n) {
      bytes += n;
    },
    update(next) {
      counts = next;
      tick();
    },
    log(line) {
      clearBar();
      stream.write(`${line}\n`);
    },
    done: clearBar,
  };
}

/** `[██████░░░░░░]  50%  1200 read · 1100 new · 3 failed · 400/s` (no bar or % when the
 *  total is unknown). */
export function barLine(counts: IngestCounts, fraction: number | null, seconds: number): string {
  const rate = seconds > 0 ? Math.round(counts.read / seconds) : 0;
  const stats = `${counts.read} read · ${counts.new} new · ${counts.failed} failed · ${rate}/s`;
  if (fraction === null) return stats;
  const filled = Math.round(fraction * BAR_WIDTH);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${percent}  ${stats}`;
}
