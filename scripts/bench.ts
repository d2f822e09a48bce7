// `npm run bench [-- --files 20000 --prs 50 --latency 50]`: a large rebuild through dist/, timed.
// A repository of F files and N PRs (every seventh conflicts with an earlier one) is served by the
// fake GitHub with a fixed latency per request; the action runs twice: a full rebuild, then a
// rerun with unchanged inputs (the fast path). git processes are counted with a PATH shim.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeGitHub } from '../test/helpers/fake-github.ts';
import {
  cloneLikeCheckout,
  createOrigin,
  populate,
  populatedPath
} from '../test/helpers/git-fixture.ts';
import { runAction, runnerFiles } from '../test/helpers/run-action.ts';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '20000' },
    prs: { type: 'string', default: '50' },
    latency: { type: 'string', default: '50' }
  }
});
const FILES = Number(values.files);
const PRS = Number(values.prs);
const LATENCY = Number(values.latency);
const TOKEN = 'ghs_fake-write';

const origin = await createOrigin({ files: { 'README.md': 'bench\n' } });
const github = await startFakeGitHub();
const files = await runnerFiles();
try {
  const setupStart = performance.now();
  await populate(origin, { files: FILES });
  github.addRepo({ repo: 'acme/big', bareDir: origin.bareDir });
  for (let n = 1; n <= PRS; n++) {
    // Every seventh PR edits the file the PR before it edited: a conflict with an earlier merge.
    const target = n % 7 === 0 ? n - 1 : n;
    const path = populatedPath('gen', (target * 7919) % FILES);
    const sha = await origin.commit(`pr-${n}`, { [path]: `changed by #${n}\n` }, `PR ${n}`);
    await github.addPullRequest({ number: n, head: sha, title: `Change ${path}` });
    github.addCheckRun(sha, { name: 'test' });
    github.addCheckRun(sha, { name: 'lint' });
  }
  const setupSeconds = (performance.now() - setupStart) / 1000;

  // Count the git processes the action spawns: a shim ahead of the real git on PATH.
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const shimDir = origin.dir;
  const gitLog = join(shimDir, 'git-calls.log');
  writeFileSync(
    join(shimDir, 'git'),
    `#!/bin/sh\necho "$1" >> '${gitLog}'\nexec '${realGit}' "$@"\n`
  );
  chmodSync(join(shimDir, 'git'), 0o755);

  const workspace = await cloneLikeCheckout(origin, {
    url: github.gitUrl('acme', 'big'),
    token: TOKEN
  });
  github.latencyMs = LATENCY;
  const env = {
    ...github.env(),
    PATH: `${shimDir}:${process.env.PATH ?? ''}`,
    GITHUB_REPOSITORY: 'acme/big',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: await files.event({
      repository: { full_name: 'acme/big', default_branch: 'main' }
    }),
    GITHUB_WORKFLOW_REF: 'acme/big/.github/workflows/staging.yml@refs/heads/main'
  };
  const inputs = { mode: 'rebuild', 'github-token': TOKEN };

  const rows: string[][] = [];
  for (const label of ['full rebuild', 'unchanged rerun']) {
    github.reset();
    writeFileSync(gitLog, '');
    const start = performance.now();
    // No time limit: a large repository with high latency takes minutes.
    const run = await runAction(files, inputs, env, { timeoutMs: 0 });
    const seconds = (performance.now() - start) / 1000;
    if (run.code !== 0) throw new Error(`${label} failed:\n${run.stdout}\n${run.stderr}`);
    const api = github.requests.filter(r => r.kind === 'graphql' || r.kind === 'rest').length;
    const fetched = github.requests
      .filter(r => r.kind === 'git-upload-pack')
      .reduce((sum, r) => sum + r.bytes, 0);
    const gitCalls = readFileSync(gitLog, 'utf8')
      .split('\n')
      .filter(l => l !== '').length;
    const merged = (JSON.parse(run.outputs.merged ?? '[]') as number[]).length;
    rows.push([
      label,
      `${seconds.toFixed(2)} s`,
      String(api),
      String(gitCalls),
      `${(fetched / 1024).toFixed(0)} KiB`,
      `${run.outputs.result} (${merged} merged)`
    ]);
  }

  const headers = ['run', 'wall time', 'API requests', 'git processes', 'fetched', 'result'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(
    `Repository: ${FILES} files, ${PRS} open PRs (every 7th conflicts), ${LATENCY} ms per request; setup ${setupSeconds.toFixed(1)} s\n\n` +
      [line(headers), line(widths.map(w => '-'.repeat(w))), ...rows.map(line)].join('\n') +
      '\n'
  );
} finally {
  await github.close();
  await origin.cleanup();
  await files.cleanup();
}
