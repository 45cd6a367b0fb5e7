#!/usr/bin/env node
/**
 * Regenerates libs/auth/assets/common-passwords.txt from the password list of @zxcvbn-ts/language-common
 * (MIT, maintained). The package is not a dependency: fetch it once, e.g.
 *   npm pack @zxcvbn-ts/language-common@4.1.3 && tar xzf zxcvbn-ts-language-common-4.1.3.tgz
 *   node scripts/generate-common-passwords.js package/src/passwords.json
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/generate-common-passwords.js <path to passwords.json>');
  process.exit(2);
}
const ranked = JSON.parse(readFileSync(source, 'utf8'));
// Korean keyboard-layout and local variants the English-centred list misses.
const extra = ['dkssudgktpdy', 'dkssudgktpdy1', 'tkfkdgo1234', 'qwer1234!@#$', 'qwer1234!!', '1q2w3e4r!@', '1q2w3e4r5t!', 'a1234567890',
  'password1234', 'iloveyou1234', 'korea12345', 'seoul12345', 'daegu12345', 'asdf1234!@', 'zxcv1234!@'];
const picked = [...ranked.slice(0, 10000), ...ranked.slice(10000).filter((p) => p.length >= 10), ...extra];
const unique = [...new Set(picked.map((p) => p.normalize('NFKC').toLowerCase()))];
const header = [
  '# Common passwords Bisang refuses (compared after NFKC and lower case).',
  '# The 10,000 most common entries and every entry of 10+ characters of the list in @zxcvbn-ts/language-common 4.1.3 (MIT),',
  '# plus a few Korean keyboard-layout ones. Regenerate with scripts/generate-common-passwords.js.',
];
writeFileSync(join(__dirname, '..', 'libs', 'auth', 'assets', 'common-passwords.txt'), `${header.join('\n')}\n${unique.join('\n')}\n`);
console.log(`${unique.length} passwords`);
