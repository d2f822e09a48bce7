// `npm run bench [-- --files 20000 --prs 50 --latency 50 --runs 1]`: a large rebuild through dist/,
// timed (a full rebuild, then an unchanged rerun). `--deploy [--cronjobs 20]`: a deploy of K
// CronJobs instead. `--startup`: how long `node dist/index.js` takes to start a rebuild (to its
// first input error) next to `node -e 0`. Every run prints wall time, GitHub and Kubernetes
// requests, git processes (counted with a PATH shim) and bytes fetched; with --runs N each row is
// the median of N runs. `--git DIR`: the action runs the git in DIR (e.g. a git 2.49+ build, as on
// GitHub's runners) instead of the one on PATH. Timing claims live here, never in the test suite.
import { parseArgs } from 'node:util';
import { benchDeploy } from './bench-deploy.ts';
import { benchRebuild } from './bench-rebuild.ts';
import { benchStartup } from './bench-startup.ts';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '20000' },
    prs: { type: 'string', default: '50' },
    latency: { type: 'string', default: '50' },
    runs: { type: 'string', default: '1' },
    deploy: { type: 'boolean', default: false },
    cronjobs: { type: 'string', default: '20' },
    startup: { type: 'boolean', default: false },
    git: { type: 'string' }
  }
});

function count(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

const runs = count('runs', values.runs);
const latencyMs = Number(values.latency);
if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--latency must be ≥ 0 (ms)');

if (values.startup) await benchStartup({ runs });
else if (values.deploy) {
  await benchDeploy({ cronJobs: count('cronjobs', values.cronjobs), latencyMs, runs });
} else {
  await benchRebuild({
    files: count('files', values.files),
    prs: count('prs', values.prs),
    latencyMs,
    runs,
    gitDir: values.git
  });
}
