#!/usr/bin/env node
// Builds dist/ when it is missing or older than any source file, so `npm start` works on a fresh clone.
// Two outputs: the server (tsc → dist/apps, dist/libs) and the web app (vite → dist/web).
const { execSync } = require('node:child_process');
const { readdirSync, statSync, existsSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const serverMarker = join(root, 'dist/apps/bisang/src/main.js');
const webMarker = join(root, 'dist/web/index.html');
const WEB_FILE = /\.(ts|mts|tsx|css|html|json|svg)$/;

function newestMtime(dir, test, skip = () => false) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || skip(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, test, skip));
    else if (test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
const serverSources = Math.max(
  ...['apps', 'libs', 'bench']
    .filter((d) => existsSync(join(root, d)))
    .map((d) => newestMtime(join(root, d), (name) => name.endsWith('.ts'), (name) => name === 'web')),
  mtime(join(root, 'tsconfig.json')),
);
const webDir = join(root, 'apps/web');
const webSources = existsSync(webDir)
  ? Math.max(newestMtime(webDir, (name) => WEB_FILE.test(name)), mtime(join(root, 'libs/realtime/src/events.ts')))
  : 0;

const serverStale = mtime(serverMarker) < serverSources;
const webStale = webSources > 0 && mtime(webMarker) < webSources;
if (serverStale) {
  console.error('building dist/ …');
  execSync('npm run --silent build', { cwd: root, stdio: 'inherit' });
  // tsc's incremental build leaves unchanged outputs (the marker among them) with their old times.
  const now = new Date();
  if (existsSync(serverMarker)) utimesSync(serverMarker, now, now);
} else if (webStale) {
  console.error('building dist/web …');
  execSync('npm run --silent build:web', { cwd: root, stdio: 'inherit' });
}
