// The deploy rows: one dataset with K production CronJobs (one manifest file each), a push to its
// stage branch, and the fake API server answering each request after a fixed latency. The first
// deploy creates K staging CronJobs; the redeploy of the same commit updates them all.
import { startFakeGitHub } from '../test/helpers/fake-github.ts';
import { startFakeKube } from '../test/helpers/fake-kube.ts';
import { cloneLikeCheckout, createOrigin } from '../test/helpers/git-fixture.ts';
import { runAction, runnerFiles } from '../test/helpers/run-action.ts';
import { gitCounter, printTable, type Measurement } from './bench-lib.ts';

const DATASET = 'noaa-gfs-forecast';
const IMAGE = 'ghcr.io/acme/pipelines';

function production(kind: string): string {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${DATASET}-${kind}
  namespace: datasets
spec:
  schedule: "15 */6 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: main
              image: ${IMAGE}:${'a1'.repeat(20)}
              args: [${DATASET}, ${kind}]
              env:
                - name: CRON_JOB_NAME
                  value: ${DATASET}-${kind}
`;
}

function repoFiles(cronJobs: number): Record<string, string> {
  const files: Record<string, string> = {
    '.github/staging.yml': [
      'namespace: datasets',
      'datasets:',
      `  ${DATASET}:`,
      `    version-file: templates/${DATASET}/zarr.json`,
      '    version-key: attributes.dataset_version',
      `    cronjobs: deploy/${DATASET}/*.yaml`,
      ''
    ].join('\n'),
    [`templates/${DATASET}/zarr.json`]: '{"attributes": {"dataset_version": "0.2.0"}}\n'
  };
  for (let i = 1; i <= cronJobs; i++) {
    const kind = `step-${String(i).padStart(2, '0')}`;
    files[`deploy/${DATASET}/${kind}.yaml`] = production(kind);
  }
  return files;
}

export async function benchDeploy(options: {
  cronJobs: number;
  latencyMs: number;
  runs: number;
}): Promise<void> {
  const { cronJobs, latencyMs, runs } = options;
  const origin = await createOrigin({ files: repoFiles(cronJobs) });
  const github = await startFakeGitHub();
  const kube = await startFakeKube();
  const files = await runnerFiles();
  try {
    github.addRepo({ repo: 'acme/pipelines', bareDir: origin.bareDir });
    const branch = `stage/${DATASET}/v0.3.0`;
    const sha = await origin.commit(
      branch,
      { [`templates/${DATASET}/zarr.json`]: '{"attributes": {"dataset_version": "0.3.0"}}\n' },
      `Bump ${DATASET} to 0.3.0`
    );
    const git = gitCounter(origin.dir);
    // The README's deploy workflow: actions/checkout with fetch-depth 0.
    const workspace = await cloneLikeCheckout(origin, { depth: 0, ref: branch });
    const env = {
      ...github.env(),
      PATH: git.path,
      GITHUB_REPOSITORY: 'acme/pipelines',
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: `refs/heads/${branch}`,
      GITHUB_SHA: sha,
      GITHUB_EVENT_PATH: await files.event({
        ref: `refs/heads/${branch}`,
        repository: { full_name: 'acme/pipelines', default_branch: 'main' }
      })
    };
    const inputs = {
      mode: 'deploy',
      'image-repository': IMAGE,
      kubeconfig: kube.kubeconfig('datasets'),
      'schedule-offset-minutes': '7'
    };
    github.latencyMs = latencyMs;

    const first: Measurement[] = [];
    const again: Measurement[] = [];
    for (let i = 0; i < runs; i++) {
      // Each run starts from an empty namespace, deleted through the API without latency.
      kube.latencyMs = 0;
      for (const c of kube.cronJobs('datasets')) {
        const { name } = c.metadata as { name: string };
        await fetch(`${kube.url}/apis/batch/v1/namespaces/datasets/cronjobs/${name}`, {
          method: 'DELETE',
          headers: { Authorization: `Bearer ${kube.token}` }
        });
      }
      kube.latencyMs = latencyMs;
      for (const into of [first, again]) {
        kube.requests.length = 0;
        github.reset();
        git.reset();
        const start = performance.now();
        const run = await runAction(files, inputs, env, { timeoutMs: 0 });
        const seconds = (performance.now() - start) / 1000;
        if (run.code !== 0) throw new Error(`deploy failed:\n${run.stdout}\n${run.stderr}`);
        const rows = JSON.parse(run.outputs.cronjobs ?? '[]') as Array<{ action: string }>;
        const actions = [...new Set(rows.map(r => r.action))].join(', ');
        into.push({
          seconds,
          github: github.requests.length,
          kube: kube.requests.length,
          gitProcesses: git.count(),
          fetchedBytes: 0,
          // The fake API server logs no duration: latency times requests, summed.
          serverSeconds: ((github.requests.length + kube.requests.length) * latencyMs) / 1000,
          result: `${rows.length} ${actions}`
        });
      }
    }
    printTable(
      `Deploy: ${cronJobs} CronJobs (2K+3 = ${2 * cronJobs + 3}), ${latencyMs} ms per request; median of ${runs} run(s)`,
      [
        [`deploy, ${cronJobs} CronJobs (first)`, first],
        [`deploy, ${cronJobs} CronJobs (again)`, again]
      ]
    );
  } finally {
    await Promise.all([github.close(), kube.close()]);
    await origin.cleanup();
    await files.cleanup();
  }
}
