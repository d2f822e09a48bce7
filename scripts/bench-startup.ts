// The start-up rows: `node dist/index.js` for a rebuild, measured to its first input error (no
// token: the mode's chunk is loaded and its settings read, nothing else), `dist/cli.js --help`, and
// `node -e 0` for scale. A preload hook lists the files of dist/ each run loads, so the row shows
// what a mode costs to load (the Kubernetes client must not be among a rebuild's).
import { statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ACTION_ENTRY, ROOT, cliEntry, spawnNode } from '../test/helpers/run-action.ts';
import { median } from './bench-lib.ts';

// Logs every dist/ file that is loaded, on stderr.
const HOOK = `import { registerHooks } from 'node:module';
registerHooks({
  load(url, context, next) {
    if (url.includes('/dist/')) process.stderr.write('loaded ' + url + '\\n');
    return next(url, context);
  }
});
`;

interface Row {
  label: string;
  args: string[];
  env: Record<string, string>;
}

export async function benchStartup(options: { runs: number }): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'staging-action-startup-'));
  try {
    const hook = path.join(dir, 'hook.mjs');
    await writeFile(hook, HOOK);
    const rows: Row[] = [
      { label: 'node -e 0', args: ['-e', '0'], env: {} },
      { label: 'dist/cli.js --help', args: [cliEntry(), '--help'], env: {} },
      {
        label: 'dist/index.js, rebuild (to its input error)',
        args: [ACTION_ENTRY],
        env: { INPUT_MODE: 'rebuild', GITHUB_ACTIONS: 'true' }
      },
      {
        label: 'dist/index.js, deploy (to its input error)',
        args: [ACTION_ENTRY],
        env: { INPUT_MODE: 'deploy', GITHUB_ACTIONS: 'true' }
      }
    ];
    const lines: string[] = [];
    for (const row of rows) {
      const times: number[] = [];
      for (let i = 0; i < Math.max(options.runs, 1); i++) {
        const start = performance.now();
        await spawnNode(row.args, { cwd: dir, env: row.env });
        times.push((performance.now() - start) / 1000);
      }
      // One more run with the hook, untimed: which files of dist/ it loaded.
      const traced = await spawnNode(['--import', hook, ...row.args], { cwd: dir, env: row.env });
      const loaded = traced.stderr
        .split('\n')
        .filter(l => l.startsWith('loaded '))
        .map(l => new URL(l.slice('loaded '.length)).pathname);
      const bytes = loaded.reduce((sum, f) => sum + statSync(f).size, 0);
      const m = median(times.map(seconds => ({ seconds })));
      lines.push(
        `${row.label.padEnd(46)} ${m.seconds.toFixed(2)} s (runs: ${times.map(t => t.toFixed(2)).join(', ')})` +
          (loaded.length > 0
            ? `; loads ${loaded.length} file(s) of dist/, ${(bytes / 1e6).toFixed(1)} MB: ` +
              loaded.map(f => path.relative(ROOT, f)).join(' ')
            : '')
      );
    }
    process.stdout.write(`Start-up, median of ${options.runs} run(s)\n\n${lines.join('\n')}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
