// The package version, read once from package.json: shown by `marsad --version` and sent in
// the User-Agent of every request, so both always match the installed release.
import { readFileSync } from 'node:fs';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
