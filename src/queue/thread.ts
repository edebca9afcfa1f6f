// The body of a worker thread: one worker, reporting to the main thread, stopped by it.
import { parentPort, workerData } from 'node:worker_threads';
import type { ThreadMessage, ThreadOptions } from './threads.ts';
import { runWorker } from './worker.ts';

const controller = new AbortController();
const send = (message: ThreadMessage) => parentPort!.postMessage(message);
parentPort!.on('message', (message) => { if (message === 'stop') controller.abort(); });
await runWorker({ ...(workerData as ThreadOptions), signal: controller.signal, onBatch: (counts) => send({ counts }), log: (line) => send({ line }) });
// The stop listener would keep the thread alive.
parentPort!.removeAllListeners('message');
