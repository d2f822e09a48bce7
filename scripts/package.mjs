// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
// Deterministic on purpose: check-dist compares a fresh build with the committed dist/.
import { execFileSync } from 'node:child_process';
import { rmSync, chmodSync } from 'node:fs';

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--license', 'licenses.txt', '--quiet'];
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', 'dist'], { stdio: 'inherit' });
execFileSync(process.execPath, [...ncc, 'src/cli.ts', '-o', 'dist/cli'], { stdio: 'inherit' });
chmodSync('dist/cli/index.js', 0o755);
