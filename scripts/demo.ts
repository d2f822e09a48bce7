// `npm run demo`: the committed dist/ on a laptop, with no GitHub and no cluster. It builds a
// sandbox (an origin repository with pull requests, the fake GitHub, a fake Kubernetes API server
// and a fake Sentry), runs the action's modes and prints what a person would read.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeGitHub } from '../test/helpers/fake-github.ts';
import { installFakeJobs } from '../test/helpers/fake-kube-jobs.ts';
import { startFakeKube } from '../test/helpers/fake-kube.ts';
import { startFakeSentry } from '../test/helpers/fake-sentry.ts';
import { cloneLikeCheckout, createOrigin } from '../test/helpers/git-fixture.ts';
import {
  cliEntry,
  exampleWorkflow,
  readmeWorkflow,
  runAction,
  runnerFiles,
  spawnNode,
  stepInputs,
  stepWith,
  summaryAsText,
  type RunnerFiles
} from '../test/helpers/run-action.ts';

const TOKEN = 'ghs_fake-write';

/** Where the demo's scenarios report: the terminal (`npm run demo`) or the summary renderer. */
export interface DemoOutput {
  print(text: string): void;
  /** The job summary (HTML) of one action run, by scenario name. */
  summary(name: string, html: string): void;
  /**
   * Clean up as the README's cleanup workflow does (the action on a `delete` event, which writes a
   * job summary) instead of with the CLI from a laptop.
   */
  cleanupAsAction?: boolean;
}

const terminal: DemoOutput = {
  print: text => {
    process.stdout.write(text);
  },
  summary: () => undefined
};

function banner(out: DemoOutput, text: string): void {
  out.print(`\n${'━'.repeat(78)}\n${text}\n${'━'.repeat(78)}\n`);
}

function check(ok: boolean, what: string): void {
  if (!ok) {
    process.stderr.write(`demo: ${what}\n`);
    process.exitCode = 1;
  }
}

/** The rebuild sandbox: an origin with 7 PRs served by the fake GitHub, and a checkout of it. */
export interface RebuildSandbox {
  origin: Awaited<ReturnType<typeof createOrigin>>;
  github: Awaited<ReturnType<typeof startFakeGitHub>>;
  /** The README staging workflow's `with:`, and a token the fake GitHub accepts. */
  inputs: Record<string, string>;
  /** The step's GITHUB_* environment, pointing at the fake GitHub and the checkout. */
  env: Record<string, string>;
  close: () => Promise<void>;
}

export async function startRebuildSandbox(files: RunnerFiles): Promise<RebuildSandbox> {
  const origin = await createOrigin({
    files: {
      'apps/web/deployment.yaml': 'replicas: 2\nimage: web:1.0\n',
      'apps/api/deployment.yaml': 'replicas: 1\nimage: api:1.0\n',
      'README.md': '# acme/platform\n'
    }
  });
  const github = await startFakeGitHub();
  const close = async (): Promise<void> => {
    await github.close();
    await origin.cleanup();
  };
  try {
    github.addRepo({ repo: 'acme/platform', bareDir: origin.bareDir });
    const prs: Array<{
      n: number;
      title: string;
      files: Record<string, string>;
      ci: 'pass' | 'fail' | 'pending';
      draft?: boolean;
    }> = [
      {
        n: 1,
        title: 'web: add health endpoint',
        files: { 'apps/web/health.yaml': 'path: /healthz\n' },
        ci: 'pass'
      },
      {
        n: 2,
        title: 'web: scale to 3 replicas',
        files: { 'apps/web/deployment.yaml': 'replicas: 3\nimage: web:1.0\n' },
        ci: 'pass'
      },
      {
        n: 3,
        title: 'web: scale to 5 replicas',
        files: { 'apps/web/deployment.yaml': 'replicas: 5\nimage: web:1.0\n' },
        ci: 'pass'
      },
      {
        n: 4,
        title: 'api: bump to 1.1',
        files: { 'apps/api/deployment.yaml': 'replicas: 1\nimage: api:1.1\n' },
        ci: 'fail'
      },
      {
        n: 5,
        title: 'api: add worker',
        files: { 'apps/api/worker.yaml': 'queue: jobs\n' },
        ci: 'pending'
      },
      {
        n: 6,
        title: 'WIP: new ingress',
        files: { 'apps/ingress.yaml': 'host: staging\n' },
        ci: 'pass',
        draft: true
      },
      {
        n: 7,
        title: 'docs: <img src=x onerror=alert(1)> & @everyone',
        files: { 'docs/runbook.md': 'steps\n' },
        ci: 'pass'
      }
    ];
    for (const pr of prs) {
      const sha = await origin.commit(`pr-${pr.n}`, pr.files, pr.title);
      await github.addPullRequest({
        number: pr.n,
        head: sha,
        title: pr.title,
        isDraft: pr.draft ?? false
      });
      github.addCheckRun(sha, { name: 'lint' });
      if (pr.ci === 'pending') github.addCheckRun(sha, { name: 'test', status: 'IN_PROGRESS' });
      else
        github.addCheckRun(sha, {
          name: 'test',
          conclusion: pr.ci === 'pass' ? 'SUCCESS' : 'FAILURE'
        });
      // The staging workflow's own check on the PR never holds it back.
      github.addCheckRun(sha, {
        name: 'rebuild',
        status: 'IN_PROGRESS',
        workflowPath: '.github/workflows/staging.yml',
        workflowName: 'Staging'
      });
    }
    const workspace = await cloneLikeCheckout(origin, {
      url: github.gitUrl('acme', 'platform'),
      token: TOKEN
    });
    // The `with:` of the README's staging workflow: the demo runs exactly what users copy.
    const inputs = { ...stepWith(readmeWorkflow('staging-workflow')), 'github-token': TOKEN };
    const env = {
      ...github.env(),
      GITHUB_REPOSITORY: 'acme/platform',
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      // What GitHub puts in a workflow_dispatch payload that the action reads.
      GITHUB_EVENT_PATH: await files.event({
        repository: { full_name: 'acme/platform', default_branch: 'main' }
      }),
      GITHUB_WORKFLOW: 'Staging',
      GITHUB_WORKFLOW_REF: 'acme/platform/.github/workflows/staging.yml@refs/heads/main',
      GITHUB_RUN_ID: '1001'
    };
    return { origin, github, inputs, env, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function demoRebuild(files: RunnerFiles, out: DemoOutput): Promise<void> {
  banner(out, 'rebuild: staging = main + every open PR whose CI passes');
  const { origin, github, inputs, env, close } = await startRebuildSandbox(files);
  try {
    out.print(
      `Sandbox: ${origin.dir}\n7 open PRs; running \`node dist/index.js\` with the README workflow's inputs:\n` +
        `${Object.entries(inputs)
          .filter(([k]) => k !== 'github-token')
          .map(([k, v]) => `  ${k}: ${v.trim()}`)
          .join('\n')}\n\n`
    );
    const first = await runAction(files, inputs, env);
    out.summary('rebuild', first.summary);
    out.print(summaryAsText(first.summary));
    out.print(`\nOutputs: ${JSON.stringify(first.outputs, null, 1).replace(/\n\s*/g, ' ')}\n`);
    check(
      first.code === 0 && first.outputs.result === 'pushed',
      `first rebuild failed:\n${first.stdout}${first.stderr}`
    );
    const log = await origin.log('refs/heads/staging');
    out.print(
      `\ngit log staging:\n${log
        .slice(0, 5)
        .map(l => `  ${l}`)
        .join('\n')}\n`
    );

    github.reset();
    const second = await runAction(files, inputs, env);
    out.summary('rebuild-unchanged', second.summary);
    const gitRequests = github.requests.filter(r => r.kind.startsWith('git-')).length;
    out.print(
      `\nRun again with nothing changed: ${second.summary.match(/<strong>(.*?)<\/strong>/)?.[1] ?? '?'}\n` +
        `  (${github.requests.length} API request(s), ${gitRequests} git request(s): the fast path)\n`
    );
    check(
      second.code === 0 && second.outputs.result === 'unchanged' && gitRequests === 0,
      'fast path did not hold'
    );
  } finally {
    await close();
  }
}

const PRODUCTION = (kind: string, schedule: string): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: noaa-gfs-forecast-${kind}
  namespace: datasets
spec:
  schedule: "${schedule}"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: main
              image: ghcr.io/acme/pipelines:0123456789abcdef0123456789abcdef01234567
              args: [noaa-gfs-forecast, ${kind}]
              env:
                - name: CRON_JOB_NAME
                  value: noaa-gfs-forecast-${kind}
            - name: metrics
              image: prom/statsd-exporter:v0.26.0
`;

/** The demo's dataset repository: the staging config, one dataset at 0.2.0, its CronJobs. */
function datasetRepoFiles(): Record<string, string> {
  return {
    '.github/staging.yml': [
      'namespace: datasets',
      'name-prefix: staging',
      'store: s3://acme-datasets/zarr',
      'datasets:',
      '  noaa-gfs-forecast:',
      '    version-file: templates/noaa-gfs-forecast/zarr.json',
      '    version-key: attributes.dataset_version',
      '    store-extension: zarr',
      '    cronjobs: deploy/noaa-gfs-forecast/*.yaml',
      ''
    ].join('\n'),
    'templates/noaa-gfs-forecast/zarr.json': '{"attributes": {"dataset_version": "0.2.0"}}\n',
    'deploy/noaa-gfs-forecast/update.yaml': PRODUCTION('update', '15 */6 * * *'),
    'deploy/noaa-gfs-forecast/validate.yaml': PRODUCTION('validate', '45 */6 * * *'),
    'deploy/noaa-gfs-forecast/archive.yaml': PRODUCTION('archive-grib-files', '0 3 * * *')
  };
}

async function demoDatasets(files: RunnerFiles, out: DemoOutput): Promise<void> {
  banner(
    out,
    'deploy: stage noaa-gfs-forecast v0.3.0 from a push to stage/noaa-gfs-forecast/v0.3.0'
  );
  const origin = await createOrigin({ files: datasetRepoFiles() });
  const github = await startFakeGitHub();
  const kube = await startFakeKube();
  const sentry = await startFakeSentry({ token: 'sntrys_demo', org: 'acme' });
  try {
    github.addRepo({ repo: 'acme/pipelines', bareDir: origin.bareDir });
    const branch = 'stage/noaa-gfs-forecast/v0.3.0';
    const sha = await origin.commit(
      branch,
      { 'templates/noaa-gfs-forecast/zarr.json': '{"attributes": {"dataset_version": "0.3.0"}}\n' },
      'Bump noaa-gfs-forecast to 0.3.0'
    );
    const workspace = await cloneLikeCheckout(origin, { depth: 0, ref: branch });
    const env = {
      ...github.env(),
      GITHUB_REPOSITORY: 'acme/pipelines',
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: `refs/heads/${branch}`,
      GITHUB_SHA: sha,
      GITHUB_EVENT_PATH: await files.event({
        ref: `refs/heads/${branch}`,
        repository: { default_branch: 'main' }
      })
    };
    const deploy = await runAction(
      files,
      {
        mode: 'deploy',
        'image-repository': 'ghcr.io/acme/pipelines',
        kubeconfig: kube.kubeconfig(),
        'schedule-offset-minutes': '7',
        'github-token': TOKEN
      },
      env
    );
    out.summary('deploy', deploy.summary);
    out.print(summaryAsText(deploy.summary));
    check(deploy.code === 0, `deploy failed:\n${deploy.stdout}${deploy.stderr}`);
    const live = kube.cronJobs('datasets').map(c => (c.metadata as { name: string }).name);
    out.print(`\nIn the (fake) cluster, namespace datasets: ${live.join(', ')}\n`);
    check(live.length === 3, 'deploy did not create three CronJobs');

    for (const name of live) sentry.addMonitor(name.slice(0, 50).replace(/-+$/, ''));
    const cleanup = out.cleanupAsAction
      ? await cleanupAction(files, out, { kube, sentry, env, branch })
      : await cleanupCli(out, { kube, sentry, workspace, origin, github });
    check(
      cleanup === 0 &&
        kube.cronJobs('datasets').length === 0 &&
        (await origin.revParse(`refs/heads/${branch}`)) === null,
      'cleanup did not remove everything'
    );
  } finally {
    await Promise.all([github.close(), kube.close(), sentry.close()]);
    await origin.cleanup();
  }
}

interface Fakes {
  kube: Awaited<ReturnType<typeof startFakeKube>>;
  sentry: Awaited<ReturnType<typeof startFakeSentry>>;
}

/** The README's cleanup workflow: the action on the `delete` event of the stage branch. */
async function cleanupAction(
  files: RunnerFiles,
  out: DemoOutput,
  { kube, sentry, env, branch }: Fakes & { env: Record<string, string>; branch: string }
): Promise<number | null> {
  banner(out, 'cleanup: the cleanup workflow, on the deletion of the stage branch');
  const run = await runAction(
    files,
    {
      mode: 'cleanup',
      kubeconfig: kube.kubeconfig(),
      'sentry-auth-token': 'sntrys_demo',
      'sentry-org': 'acme',
      'sentry-url': sentry.url,
      'github-token': TOKEN
    },
    {
      ...env,
      GITHUB_EVENT_NAME: 'delete',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_PATH: await files.event({
        ref: branch,
        ref_type: 'branch',
        repository: { default_branch: 'main' }
      })
    }
  );
  out.summary('cleanup', run.summary);
  out.print(summaryAsText(run.summary));
  if (run.code !== 0) out.print(run.stdout + run.stderr);
  return run.code;
}

/** The same cleanup from a laptop, with the CLI. */
async function cleanupCli(
  out: DemoOutput,
  {
    kube,
    sentry,
    workspace,
    origin,
    github
  }: Fakes & {
    workspace: string;
    origin: Awaited<ReturnType<typeof createOrigin>>;
    github: Awaited<ReturnType<typeof startFakeGitHub>>;
  }
): Promise<number | null> {
  banner(out, 'cleanup: from a laptop with the CLI (`staging-action cleanup-staging ...`)');
  const kubeconfig = join(origin.dir, 'kubeconfig');
  await writeFile(kubeconfig, kube.kubeconfig());
  const args = [
    'cleanup-staging',
    '--dataset-id',
    'noaa-gfs-forecast',
    '--version',
    '0.3.0',
    '--kubeconfig',
    kubeconfig,
    '--sentry-org',
    'acme',
    '--sentry-url',
    sentry.url
  ];
  out.print(`$ staging-action ${args.join(' ')}\n`);
  const cleanup = await spawnNode([cliEntry(), ...args], {
    cwd: workspace,
    env: {
      GITHUB_TOKEN: TOKEN,
      SENTRY_AUTH_TOKEN: 'sntrys_demo',
      GITHUB_REPOSITORY: 'acme/pipelines',
      GITHUB_API_URL: github.url
    }
  });
  // The CLI logs each phase, then prints the report: show the report.
  const report = cleanup.stdout.indexOf('Staging cleanup');
  out.print(report >= 0 ? cleanup.stdout.slice(report) : cleanup.stdout);
  out.print(cleanup.stderr);
  return cleanup.code;
}

/**
 * status, trigger and sweep: two staged versions (0.3.0 live, 0.4.0 orphaned: its branch was
 * deleted without a cleanup), status from the CLI, a triggered update followed to success, then
 * 0.3.0 is promoted to main and the README's sweep workflow retires both.
 */
async function demoLifecycle(files: RunnerFiles, out: DemoOutput): Promise<void> {
  const origin = await createOrigin({ files: datasetRepoFiles() });
  const github = await startFakeGitHub();
  const kube = await startFakeKube();
  const jobs = installFakeJobs(kube);
  const template = (version: string): Record<string, string> => ({
    'templates/noaa-gfs-forecast/zarr.json': `{"attributes": {"dataset_version": "${version}"}}\n`
  });
  try {
    github.addRepo({ repo: 'acme/pipelines', bareDir: origin.bareDir });
    const repoEnv = { ...github.env(), GITHUB_REPOSITORY: 'acme/pipelines' };
    for (const version of ['0.3.0', '0.4.0']) {
      const branch = `stage/noaa-gfs-forecast/v${version}`;
      const sha = await origin.commit(branch, template(version), `Bump to ${version}`);
      const workspace = await cloneLikeCheckout(origin, { depth: 0, ref: branch });
      const deploy = await runAction(
        files,
        {
          mode: 'deploy',
          'image-repository': 'ghcr.io/acme/pipelines',
          kubeconfig: kube.kubeconfig()
        },
        {
          ...repoEnv,
          GITHUB_WORKSPACE: workspace,
          GITHUB_REF: `refs/heads/${branch}`,
          GITHUB_SHA: sha
        }
      );
      check(deploy.code === 0, `deploy of ${version} failed:\n${deploy.stdout}${deploy.stderr}`);
    }
    await origin.deleteRef('refs/heads/stage/noaa-gfs-forecast/v0.4.0');
    const kubeconfig = join(origin.dir, 'kubeconfig');
    await writeFile(kubeconfig, kube.kubeconfig());
    const main = await cloneLikeCheckout(origin, { depth: 1, ref: 'main' });
    const cli = async (args: string[]): Promise<number | null> => {
      out.print(`$ staging-action ${args.join(' ')}\n`);
      const run = await spawnNode([cliEntry(), ...args, '--kubeconfig', kubeconfig], {
        cwd: main,
        env: {
          GITHUB_TOKEN: TOKEN,
          GITHUB_REPOSITORY: 'acme/pipelines',
          GITHUB_API_URL: github.url
        }
      });
      // The CLI logs each phase, then prints the report: show the report.
      const report = run.stdout.indexOf('Staging ');
      out.print(report >= 0 ? run.stdout.slice(report) : run.stdout);
      out.print(run.stderr);
      return run.code;
    };

    banner(out, 'status: every staged version, from a laptop (`staging-action status`)');
    check((await cli(['status'])) === 0, 'status failed');

    banner(out, 'trigger: run the staged update now and wait for it (the Job succeeds)');
    // The fake cluster's controller: the Job succeeds once it exists.
    const finisher = (async () => {
      for (let i = 0; i < 400 && jobs.jobs('datasets').length === 0; i++) {
        await new Promise(resolve => setTimeout(resolve, 25));
      }
      for (const job of jobs.jobs('datasets')) {
        jobs.succeed('datasets', (job.metadata as { name: string }).name);
      }
    })();
    const args = ['trigger', '--dataset-id', 'noaa-gfs-forecast', '--version', '0.3.0'];
    const triggered = await cli([...args, '--kind', 'update', '--wait', '2m']);
    await finisher;
    check(triggered === 0, 'trigger failed');

    banner(out, 'sweep: the sweep workflow after 0.3.0 is merged to main (0.4.0 is orphaned)');
    await origin.commit('main', template('0.3.0'), 'Release noaa-gfs-forecast 0.3.0');
    const checkout = await cloneLikeCheckout(origin, { depth: 1, ref: 'main' });
    const sweep = await runAction(
      files,
      stepInputs(exampleWorkflow('sweep-staged.yml'), {
        'github.token': TOKEN,
        'secrets.STAGING_KUBECONFIG': kube.kubeconfig(),
        'secrets.SENTRY_AUTH_TOKEN': ''
      }),
      {
        ...repoEnv,
        GITHUB_WORKSPACE: checkout,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/heads/main'
      }
    );
    out.summary('sweep', sweep.summary);
    out.print(summaryAsText(sweep.summary));
    check(
      sweep.code === 0 && kube.cronJobs('datasets').length === 0,
      `sweep did not retire both versions:\n${sweep.stdout}${sweep.stderr}`
    );
  } finally {
    await Promise.all([github.close(), kube.close()]);
    await origin.cleanup();
  }
}

/** Every scenario, one after the other, each in its own sandbox. */
export async function runDemo(out: DemoOutput): Promise<void> {
  const files = await runnerFiles();
  try {
    await demoRebuild(files, out);
    await demoDatasets(files, out);
    await demoLifecycle(files, out);
  } finally {
    await files.cleanup();
  }
}

if (import.meta.main) await runDemo(terminal);
