// Runs `node bin/marsad.js …` the way a user does, collecting what it prints: shared by the
// CLI tests so each states only what it checks.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/marsad.js', import.meta.url));

export interface Run { status: number | null; stdout: string; stderr: string }

export interface RunOptions {
  /** written to standard input, which is then closed */
  stdin?: string;
  /** added to the environment, from which MARSAD_DB is left out so tests name their database */
  env?: NodeJS.ProcessEnv;
}

/** Starts the command; the caller reads or kills it. */
export function startMarsad(args: string[], { env = {} }: RunOptions = {}): ChildProcess {
  const { MARSAD_DB: _, ...inherited } = process.env;
  return spawn(process.execPath, [BIN, ...args], { env: { ...inherited, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs the command to its end. */
export function marsad(args: string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = startMarsad(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr!.setEncoding('utf8').on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin!.end(options.stdin ?? '');
  });
}
