// The dashboard's files: its own static files at / (index.html), and the two browser libraries
// it uses, served from node_modules under /vendor/ so it needs no build step. Only these two
// files are reachable there, by explicit route: nothing else of node_modules is exposed.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

/** URL name → file. chart.js exports no path to its UMD build, so it is found beside its main file. */
const VENDOR_FILES: Record<string, string> = {
  'cytoscape.min.js': require.resolve('cytoscape/dist/cytoscape.min.js'),
  'chart.umd.js': join(dirname(require.resolve('chart.js')), 'chart.umd.js'),
};

export const DEFAULT_PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

export async function addDashboard(app: FastifyInstance, publicDir: string): Promise<void> {
  // Registered first, without serving anything itself: it gives reply.sendFile (ETag,
  // Last-Modified, 304s) to the vendor routes.
  await app.register(fastifyStatic, { root: [...new Set(Object.values(VENDOR_FILES).map((file) => dirname(file)))], serve: false });
  for (const [name, file] of Object.entries(VENDOR_FILES)) {
    app.get(`/vendor/${name}`, { schema: { hide: true } }, (_request, reply) => reply.sendFile(basename(file), dirname(file)));
  }
  if (existsSync(publicDir)) await app.register(fastifyStatic, { root: publicDir, prefix: '/', decorateReply: false, index: 'index.html' });
}
