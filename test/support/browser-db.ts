// The database the dashboard test browses: the bundled examples (what `marsad demo` ingests)
// plus one hostile article whose title, text, source and URL carry markup and script, ingested
// by the real command line so the payload travels the same path as any article.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/marsad.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Every way a page could be tricked into running it sets this global. */
export const PAYLOAD = 'window.__pwned=1';
export const SCRIPT_TAG = `<script>${PAYLOAD}</script>`;
export const IMG_TAG = `<img src=x onerror="${PAYLOAD}">`;
export const JS_LINK = `<a href="javascript:${PAYLOAD}">العلاقات</a>`;

/** A real event (a Wang Yi – Lavrov visit, the newest of the database) whose evidence
 *  sentence carries the image, so the payload reaches every view that shows evidence. */
export const HOSTILE = {
  id: 'hostile',
  title: `${IMG_TAG} مقال عدائي`,
  published: '2023-10-02',
  source: `<b onmouseover="${PAYLOAD}">evil</b>`,
  url: `javascript:${PAYLOAD}`,
  text: [
    `التقى وزير الخارجية الصيني وانغ يي وزير الخارجية الروسي سيرغي لافروف في موسكو أمس ${IMG_TAG}.`,
    SCRIPT_TAG,
    `وقال لافروف إن ${JS_LINK} بين البلدين ممتازة.`,
  ].join('\n'),
};

/** Builds the database in `dir` and returns its path. */
export async function dashboardDatabase(dir: string): Promise<string> {
  const db = join(dir, 'dashboard.db');
  const hostile = join(dir, 'hostile.jsonl');
  await writeFile(hostile, `${JSON.stringify(HOSTILE)}\n`);
  await run(process.execPath, [BIN, 'ingest', EXAMPLES, hostile, '--db', db], { timeout: 60_000 });
  return db;
}
