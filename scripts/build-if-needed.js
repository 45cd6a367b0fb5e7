#!/usr/bin/env node
// Builds dist/ when it is missing or older than any source file, so `npm start` works on a fresh clone.
const { execSync } = require('node:child_process');
const { readdirSync, statSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const marker = join(root, 'dist/apps/bisang/src/main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'web') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = Math.max(...['apps', 'libs', 'bench'].filter((d) => existsSync(join(root, d))).map((d) => newestMtime(join(root, d))), statSync(join(root, 'tsconfig.json')).mtimeMs);
if (!existsSync(marker) || statSync(marker).mtimeMs < sources) {
  console.error('building dist/ …');
  execSync('npm run --silent build', { cwd: root, stdio: 'inherit' });
}
