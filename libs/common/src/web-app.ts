import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Paths that belong to the server; the web app never answers them. */
export const SERVER_PATH_PREFIXES = ['/api', '/socket.io', '/docs', '/docs-json', '/health', '/admin'] as const;

/** True when `url` (path and query) belongs to the server rather than to the web app's client-side routes. */
export function isServerPath(url: string): boolean {
  const path = url.split('?')[0]!;
  return SERVER_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The file under `root` that a URL path names, or null (missing, a directory, or outside `root`). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = resolve(root, `.${decoded}`);
  if (!full.startsWith(root + sep)) return null;
  return existsSync(full) && statSync(full).isFile() ? relative(root, full) : null;
}

/**
 * Serves the built web app (apps/web → `dir`) at `/`: its files as they are, and index.html for any other
 * GET outside the server's own paths, so that client-side routes survive a reload. Only a catch-all GET
 * route is added, so every route of the server (more specific) still wins. Files are looked up per
 * request, so a rebuilt app is served without a restart. Returns false (serving nothing) when `dir` has
 * no index.html, e.g. when only the API was built.
 */
export async function serveWebApp(app: NestFastifyApplication, dir: string): Promise<boolean> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return false;
  // preCompressed: the build writes .br and .gz next to each text file (scripts/precompress-web.js); the one the
  // browser accepts is sent, with Vary: Accept-Encoding, and the plain file otherwise.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (req, reply) => {
    const path = req.url.split('?')[0]!;
    // Source maps would hand out the client's whole source as written; builds make none, and none is served.
    if (isServerPath(path) || path.endsWith('.map')) return reply.callNotFound();
    // The compressed copies are served in place of their file, never under their own names.
    if (path.endsWith('.br') || path.endsWith('.gz')) return reply.callNotFound();
    const file = path === '/' ? null : fileFor(root, path);
    if (file) {
      // Vite puts a content hash in every asset name: those never change.
      const immutable = file.startsWith(`assets${sep}`);
      return reply.sendFile(file, { maxAge: immutable ? 365 * 86_400_000 : 0, immutable });
    }
    // A missing file (a stale asset name) is a 404, not the app's page.
    if (/\.[A-Za-z0-9]+$/.test(path)) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
  return true;
}
