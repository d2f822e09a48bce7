// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
// `node scripts/package.mjs [outDir]`: check-dist builds into a temporary directory and compares.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--license', 'licenses.txt', '--quiet'];
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', out], { stdio: 'inherit' });
execFileSync(process.execPath, [...ncc, 'src/bin.ts', '-o', join(out, 'cli')], { stdio: 'inherit' });
chmodSync(join(out, 'cli', 'index.js'), 0o755);
