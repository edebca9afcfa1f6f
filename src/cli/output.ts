// Where results go: standard output or a file, written with backpressure so a slow reader
// never makes the process buffer a whole corpus.
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

export interface Output {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens the file first, so a bad path fails before any article is read. */
export async function openOutput(path: string | undefined): Promise<Output> {
  if (!path) return outputTo(process.stdout, false);
  const handle = await open(path, 'w');
  return outputTo(handle.createWriteStream(), true);
}

function outputTo(stream: Writable, owned: boolean): Output {
  // Kept until the next write, which throws it: an unhandled 'error' would crash.
  let failure: Error | null = null;
  stream.on('error', (err) => { failure = err; });
  return {
    async write(text) {
      if (failure) throw failure;
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async close() {
      if (failure) throw failure;
      if (owned) {
        stream.end();
        await finished(stream);
      }
    },
  };
}
