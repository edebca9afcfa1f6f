// The body of a worker thread: one worker, reporting to the main thread, stopped by it.
import { parentPort, workerData } from 'node:worker_threads';
import type { ThreadMessage, ThreadOptions } from './threads.ts';
import { runWorker } from './worker.ts';

const port = parentPort!;
const controller = new AbortController();
const onStop = (message: unknown) => { if (message === 'stop') controller.abort(); };
const send = (message: ThreadMessage) => port.postMessage(message);
port.on('message', onStop);
await runWorker({ ...(workerData as ThreadOptions), signal: controller.signal, onBatch: (counts) => send({ counts }), log: (line) => send({ line }) });
// Listening made the port hold the thread open; without unref it would never end.
port.off('message', onStop);
port.unref();
