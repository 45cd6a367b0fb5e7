import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Paths that belong to the server; the web app's fallback never answers them. */
export const SERVER_PATH_PREFIXES = ['/api', '/socket.io', '/docs', '/docs-json', '/health', '/admin'] as const;

/** True when `url` (path and query) belongs to the server rather than to the web app's client-side routes. */
export function isServerPath(url: string): boolean {
  const path = url.split('?')[0];
  return SERVER_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the built web app (apps/web → `dir`) at `/`: its files as they are, and index.html for any other
 * GET outside the server's own paths, so that client-side routes survive a reload. Returns false (and
 * serves nothing) when `dir` has no index.html, e.g. when only the API was built.
 */
export async function serveWebApp(app: NestFastifyApplication, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  // wildcard: false registers one route per file found at start, so the server's routes are never shadowed.
  await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (req, reply) => {
    // A missing file (a stale asset name) is a 404, not the app's page.
    if (isServerPath(req.url) || /\.[A-Za-z0-9]+$/.test(req.url.split('?')[0]!)) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
