#!/usr/bin/env node
// Writes brotli (.br) and gzip (.gz) copies next to the built web app's text files (dist/web), once at build time,
// so that the server sends them compressed without compressing per request (@fastify/static `preCompressed`).
const { readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { brotliCompressSync, gzipSync, constants } = require('node:zlib');

const dir = process.argv[2] ?? join(__dirname, '..', 'dist', 'web');
const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Files this small gain nothing worth a second request path. */
const MIN_BYTES = 1024;

function walk(d) {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const path = join(d, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (TEXT.test(entry.name) && statSync(path).size >= MIN_BYTES) {
      const data = readFileSync(path);
      writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
      writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    }
  }
}
walk(dir);
