// A PostgreSQL server for the tests and benchmarks: the one named by MARSAD_TEST_PG (CI starts
// one for the whole run with scripts/pg-cluster.ts), else a throwaway cluster of this process
// in a temporary directory, on a free port of 127.0.0.1, stopped when the process exits. Each
// caller gets its own database on it, so test files never see each other's data.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface Cluster { url: string; dir: string }

/** Test data is thrown away: durability is not worth the fsyncs. */
const FAST = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

/** initdb, pg_ctl… of the newest installed PostgreSQL, or null when there is none. */
export function pgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length) return join(root, versions[0], 'bin');
  const onPath = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return onPath.status === 0 && existsSync(join(onPath.stdout.trim(), 'initdb')) ? onPath.stdout.trim() : null;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function asServerUser(): { wrap(cmd: string[]): string[]; uid: number | null } {
  if (process.getuid?.() !== 0) return { wrap: (cmd) => cmd, uid: null };
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  return { wrap: (cmd) => ['runuser', '-u', 'postgres', '--', ...cmd], uid };
}

function run(cmd: string[]): void {
  const result = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${result.stderr || result.stdout || result.error?.message}`);
}

/** Creates and starts a cluster listening on 127.0.0.1 only, its socket in its own directory. */
export async function startCluster({ fast = true } = {}): Promise<Cluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error('no PostgreSQL server found (install the postgresql package, or set MARSAD_TEST_PG)');
  const user = asServerUser();
  const dir = mkdtempSync(join(tmpdir(), 'marsad-pg-'));
  if (user.uid !== null) chownSync(dir, user.uid, -1);
  const data = join(dir, 'data');
  run(user.wrap([join(bin, 'initdb'), '-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']));
  const port = await freePort();
  const options = ['-c', 'listen_addresses=127.0.0.1', '-c', `port=${port}`, '-c', `unix_socket_directories=${dir}`, ...(fast ? FAST : [])];
  run(user.wrap([join(bin, 'pg_ctl'), '-D', data, '-l', join(dir, 'server.log'), '-o', options.map((o) => `'${o}'`).join(' '), '-w', '-t', '60', 'start']));
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir };
}

/** Stops the cluster at once and removes its directory; synchronous, so it can run at exit. */
export function stopCluster(dir: string): void {
  const bin = pgBinDir();
  if (bin && existsSync(join(dir, 'data'))) {
    const [cmd, ...args] = asServerUser().wrap([join(bin, 'pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', '-w', '-t', '30', 'stop']);
    spawnSync(cmd, args);
  }
  rmSync(dir, { recursive: true, force: true });
}

let server: Promise<string> | null = null;

/** The server's URL (any database on it): MARSAD_TEST_PG, or this process's own cluster. */
function serverUrl(): Promise<string> {
  server ??= (async () => {
    if (process.env.MARSAD_TEST_PG) return process.env.MARSAD_TEST_PG;
    const cluster = await startCluster();
    process.once('exit', () => stopCluster(cluster.dir));
    return cluster.url;
  })();
  return server;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  return process.env.MARSAD_TEST_PG || pgBinDir() ? null : 'no PostgreSQL: set MARSAD_TEST_PG or install the postgresql package';
}

export interface TestDatabase { url: string; drop(): Promise<void> }

/** A new, empty database on the test server (or on `server`, a URL of a role that may create
 *  databases). */
export async function createDatabase(prefix = 'marsad_test', server?: string): Promise<TestDatabase> {
  const url = server ?? (await serverUrl());
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try { await client.query(sql); } finally { await client.end(); }
  };
  await admin(`CREATE DATABASE ${name}`);
  const at = new URL(url);
  at.pathname = `/${name}`;
  return { url: at.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
