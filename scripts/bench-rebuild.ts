// The rebuild rows: a repository of F files and N PRs (every seventh edits the file the PR before
// it edited: a conflict with an earlier merge), served by the fake GitHub with a fixed latency per
// request (git traffic included). Each run starts from a fresh shallow checkout and no staging
// branch: a full rebuild, then a rerun with unchanged inputs (the fast path).
import { startFakeGitHub } from '../test/helpers/fake-github.ts';
import { githubSchema } from '../test/helpers/github/schema.ts';
import {
  cloneLikeCheckout,
  createOrigin,
  populate,
  populatedPath
} from '../test/helpers/git-fixture.ts';
import { runAction, runnerFiles } from '../test/helpers/run-action.ts';
import { gitCounter, printTable, type Measurement } from './bench-lib.ts';

const TOKEN = 'ghs_fake-write';

export async function benchRebuild(options: {
  files: number;
  prs: number;
  latencyMs: number;
  runs: number;
  /** Where the git the action runs lives (default: the one on PATH). */
  gitDir?: string | undefined;
}): Promise<void> {
  const { files: FILES, prs: PRS, latencyMs, runs } = options;
  const origin = await createOrigin({ files: { 'README.md': 'bench\n' } });
  const github = await startFakeGitHub();
  const files = await runnerFiles();
  try {
    const setupStart = performance.now();
    await populate(origin, { files: FILES });
    github.addRepo({ repo: 'acme/big', bareDir: origin.bareDir });
    for (let n = 1; n <= PRS; n++) {
      const target = n % 7 === 0 ? n - 1 : n;
      const path = populatedPath('gen', (target * 7919) % FILES);
      const sha = await origin.commit(`pr-${n}`, { [path]: `changed by #${n}\n` }, `PR ${n}`);
      await github.addPullRequest({ number: n, head: sha, title: `Change ${path}` });
      github.addCheckRun(sha, { name: 'test' });
      github.addCheckRun(sha, { name: 'lint' });
    }
    // Refs packed, as a server keeps them: hundreds of loose PR refs would make every ref listing
    // the fake answers (and upload-pack's advertisement) read hundreds of files.
    await origin.git(['pack-refs', '--all']);
    // The fake builds GitHub's schema at its first request: part of the setup, not of a run.
    githubSchema();
    const setupSeconds = (performance.now() - setupStart) / 1000;
    const git = gitCounter(origin.dir, options.gitDir);
    const inputs = { mode: 'rebuild', 'github-token': TOKEN };

    const full: Measurement[] = [];
    const rerun: Measurement[] = [];
    for (let i = 0; i < runs; i++) {
      github.latencyMs = 0;
      await origin.deleteRef('refs/heads/staging');
      const workspace = await cloneLikeCheckout(origin, {
        url: github.gitUrl('acme', 'big'),
        token: TOKEN
      });
      github.latencyMs = latencyMs;
      const env = {
        ...github.env(),
        PATH: git.path,
        GITHUB_REPOSITORY: 'acme/big',
        GITHUB_WORKSPACE: workspace,
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: await files.event({
          repository: { full_name: 'acme/big', default_branch: 'main' }
        }),
        GITHUB_WORKFLOW_REF: 'acme/big/.github/workflows/staging.yml@refs/heads/main'
      };
      for (const [label, into] of [
        ['full rebuild', full],
        ['unchanged rerun', rerun]
      ] as const) {
        github.reset();
        git.reset();
        const start = performance.now();
        // No time limit: a large repository with high latency takes minutes.
        const run = await runAction(files, inputs, env, { timeoutMs: 0 });
        const seconds = (performance.now() - start) / 1000;
        if (run.code !== 0) throw new Error(`${label} failed:\n${run.stdout}\n${run.stderr}`);
        const merged = (JSON.parse(run.outputs.merged ?? '[]') as number[]).length;
        const api = github.requests.filter(r => r.kind === 'graphql' || r.kind === 'rest');
        into.push({
          seconds,
          github: api.length,
          kube: 0,
          gitProcesses: git.count(),
          fetchedBytes: github.requests
            .filter(r => r.kind === 'git-upload-pack')
            .reduce((sum, r) => sum + r.bytes, 0),
          serverSeconds: api.reduce((sum, r) => sum + r.ms, 0) / 1000,
          result: `${run.outputs.result} (${merged} merged)`
        });
      }
    }
    printTable(
      `Rebuild: ${FILES} files, ${PRS} open PRs (every 7th conflicts), ${latencyMs} ms per request; ` +
        `setup ${setupSeconds.toFixed(1)} s; ${git.version}; median of ${runs} run(s)`,
      [
        [`full rebuild, ${PRS} PRs`, full],
        [`unchanged rerun, ${PRS} PRs`, rerun]
      ]
    );
  } finally {
    await github.close();
    await origin.cleanup();
    await files.cleanup();
  }
}
