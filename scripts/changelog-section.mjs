// Prints one version's section of CHANGELOG.md (the text under `## [X.Y.Z] - date`, without the
// heading), for `gh release create --notes-file`. `node scripts/changelog-section.mjs 1.0.0`.
// Fails when CHANGELOG.md has no section for that version, or an empty one.
import { readFileSync } from 'node:fs';

const version = process.argv[2] ?? '';
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
  console.error(`usage: changelog-section.mjs X.Y.Z (got '${version}')`);
  process.exit(2);
}

const lines = readFileSync(process.argv[3] ?? 'CHANGELOG.md', 'utf8').split('\n');
const start = lines.findIndex(l => l === `## [${version}]` || l.startsWith(`## [${version}] - `));
if (start < 0) {
  console.error(`CHANGELOG.md has no '## [${version}] - YYYY-MM-DD' section`);
  process.exit(1);
}
// The section ends at the next version heading or at the link definitions that close the file.
let end = start + 1;
while (end < lines.length && !/^## /.test(lines[end]) && !/^\[[^\]]+\]: /.test(lines[end])) end++;
const body = lines
  .slice(start + 1, end)
  .join('\n')
  .trim();
if (body === '') {
  console.error(`CHANGELOG.md: the ${version} section is empty`);
  process.exit(1);
}
process.stdout.write(`${body}\n`);
