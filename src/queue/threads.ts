// `marsad worker --concurrency N`: extraction takes a core per worker, so N workers run on N
// threads of one process, each with its own connections; the main thread adds up their counts
// and passes a stop on.
import { Worker } from 'node:worker_threads';
import type { IngestCounts } from '../cli/ingest-progress.ts';
import type { WorkerOptions } from './worker.ts';

export type ThreadOptions = Omit<WorkerOptions, 'signal' | 'onBatch' | 'log'>;
export type ThreadMessage = { counts: IngestCounts } | { line: string };

export function runInThread(options: ThreadOptions, { signal, onBatch, log }: Pick<WorkerOptions, 'signal' | 'onBatch' | 'log'>): Promise<void> {
  // Not the parent's node options: under `node --import tsx` the thread would register the
  // TypeScript loader twice, which can hang it; thread.mjs registers it once.
  const thread = new Worker(new URL('./thread.mjs', import.meta.url), { workerData: options, execArgv: [] });
  const stop = () => thread.postMessage('stop');
  signal.addEventListener('abort', stop, { once: true });
  return new Promise<void>((resolve, reject) => {
    thread.on('message', (m: ThreadMessage) => ('counts' in m ? onBatch(m.counts) : log(m.line)));
    thread.on('error', reject);
    thread.on('exit', (code) => {
      signal.removeEventListener('abort', stop);
      if (code === 0) resolve(); else reject(new Error(`a worker thread stopped with status ${code}`));
    });
  });
}
