// Rebuild scenarios: one fake GitHub per test file, a fresh bare origin per test (registered with
// the fake under its own name), checkouts made like actions/checkout's, and the rebuild mode run
// in-process with the settings the action would read from its inputs and environment.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Git } from '../../src/io/git.js';
import { createOctokit, GitHub } from '../../src/io/github.js';
import { connectKubernetes } from '../../src/kube/client.js';
import { rebuild } from '../../src/rebuild/run.js';
import { readRebuildSettings, type RebuildSettings } from '../../src/rebuild/settings.js';
import type { RebuildResult } from '../../src/rebuild/types.js';
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions,
  type RequestKind,
  type RequestLogEntry
} from './fake-github.js';
import { isolateProcessGit } from './git-env.js';
import { cloneLikeCheckout, createOrigin, git, type Origin } from './git-fixture.js';

export const WRITE_TOKEN = 'ghs_fake-write';
export const READ_TOKEN = 'ghs_fake-read';
export const OWNER = 'acme';
/** The workflow file the action runs in, as GITHUB_WORKFLOW_REF names it. */
export const WORKFLOW_PATH = '.github/workflows/staging.yml';

// The action's git runs with the test process's environment: keep this machine's own git config
// out of it, as the fixtures do for theirs. (Jest gives each test file its own process.env.)
isolateProcessGit();

export interface CheckSpec {
  name?: string;
  status?: string;
  conclusion?: string | null;
  workflowPath?: string | null;
  workflowName?: string | null;
}

export interface PrOptions {
  title?: string;
  /** Default `pass`: one successful `CI / test` run on the head. */
  checks?: 'pass' | 'none' | CheckSpec[];
  /** Commit statuses on the head, after the check runs. */
  statuses?: Array<{ context: string; state: string }>;
  isDraft?: boolean;
  isCrossRepository?: boolean;
  labels?: string[];
  /** Branch or SHA the PR starts from (default `main`). */
  from?: string;
}

export interface RunOptions {
  /** actions/checkout's fetch-depth (default 1). */
  depth?: number;
  env?: Record<string, string>;
  /** An existing checkout instead of a fresh one. */
  checkout?: string;
  /** Token the checkout persists and the API calls use (default the write token). */
  token?: string;
  /** Runs right after the GraphQL read, before any fetch: a race window made deterministic. */
  afterQuery?: () => Promise<void>;
}

export interface Scenario {
  origin: Origin;
  fake: FakeGitHub;
  /** `acme/<name>`, unique per scenario. */
  slug: string;
  /** Opens PR `number`: a commit of `files` on branch `pr-<number>`, refs/pull/N/head, checks. */
  pr(number: number, files: Record<string, string | null>, options?: PrOptions): Promise<string>;
  checkout(options?: { depth?: number; token?: string }): Promise<string>;
  settings(inputs?: Record<string, string>, env?: Record<string, string>): RebuildSettings;
  /** Runs rebuild in-process; `requests()` then lists what it sent (the checkout's not included). */
  rebuild(inputs?: Record<string, string>, options?: RunOptions): Promise<RebuildResult>;
  /** Requests of the last rebuild: every API call, and git traffic for this repository. */
  requests(): RequestLogEntry[];
  count(kind: RequestKind): number;
  /** The origin's staging head, or null. */
  staging(): Promise<string | null>;
  /** Subjects along the first-parent chain of `ref`, newest first. */
  firstParents(ref?: string): Promise<string[]>;
  /** Full message of a commit in the origin. */
  message(rev: string): Promise<string>;
  /** Paths in the tree of `ref`. */
  files(ref?: string): Promise<string[]>;
  /** Every ref in the origin with its SHA. */
  refs(): Promise<Map<string, string>>;
}

export interface Hub {
  fake: FakeGitHub;
  /** A fresh origin (initial commit with `files` on main) registered with the fake. */
  scenario(files?: Record<string, string>): Promise<Scenario>;
  close(): Promise<void>;
}

/** GitHub that lets a test act between the GraphQL read and everything after it. */
class HookedGitHub extends GitHub {
  private hooked = false;

  constructor(
    octokit: ReturnType<typeof createOctokit>,
    repository: RebuildSettings['repository'],
    private readonly afterQuery: () => Promise<void>
  ) {
    super(octokit, repository);
  }

  // Rebuild's first query is its one round trip for up to 100 open PRs (every scenario here).
  override async query<T extends object>(
    query: string,
    variables: Record<string, unknown>
  ): Promise<T> {
    const data = await super.query<T>(query, variables);
    if (!this.hooked) {
      this.hooked = true;
      await this.afterQuery();
    }
    return data;
  }
}

let counter = 0;

export async function startHub(options: FakeGitHubOptions = {}): Promise<Hub> {
  const fake = await startFakeGitHub(options);
  const origins: Origin[] = [];
  return {
    fake,
    async scenario(files = { 'README.md': 'app\n' }) {
      const origin = await createOrigin({ files });
      origins.push(origin);
      counter += 1;
      const name = `app${process.pid}-${counter}`;
      const slug = `${OWNER}/${name}`;
      fake.addRepo({ repo: slug, bareDir: origin.bareDir });
      return makeScenario(fake, origin, slug);
    },
    async close() {
      await fake.close();
      await Promise.all(origins.map(o => o.cleanup()));
    }
  };
}

function makeScenario(fake: FakeGitHub, origin: Origin, slug: string): Scenario {
  const gitPrefix = `/${slug}.git/`;
  let start = fake.requests.length;
  // A workflow_dispatch payload names the default branch, as GitHub's does: that saves the
  // default-branch query (and Octokit's one-second spacing of GraphQL calls) on every run.
  const eventPath = path.join(origin.dir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      ref: 'refs/heads/main',
      repository: { full_name: slug, default_branch: 'main' }
    })
  );
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    ...fake.env(),
    GITHUB_REPOSITORY: slug,
    GITHUB_WORKFLOW_REF: `${slug}/${WORKFLOW_PATH}@refs/heads/main`,
    GITHUB_WORKFLOW: 'Staging',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: '4242',
    ...extra
  });
  const settings = (
    inputs: Record<string, string> = {},
    extra: Record<string, string> = {}
  ): RebuildSettings => {
    const all: Record<string, string> = { mode: 'rebuild', 'github-token': WRITE_TOKEN, ...inputs };
    return readRebuildSettings({ get: n => (all[n] ?? '').trim() }, env(extra));
  };
  const checkout = (options: { depth?: number; token?: string } = {}): Promise<string> =>
    cloneLikeCheckout(origin, {
      depth: options.depth ?? 1,
      url: fake.gitUrl(OWNER, slug.split('/')[1]),
      token: options.token ?? WRITE_TOKEN
    });
  const requests = (): RequestLogEntry[] =>
    fake.requests
      .slice(start)
      .filter(r => !r.kind.startsWith('git-') || r.path.startsWith(gitPrefix));

  return {
    origin,
    fake,
    slug,
    async pr(number, files, options = {}) {
      const title = options.title ?? `PR ${number}`;
      const sha = await origin.commit(`pr-${number}`, files, title, {
        from: options.from ?? 'main'
      });
      await fake.addPullRequest({
        repo: slug,
        number,
        head: sha,
        title,
        isDraft: options.isDraft ?? false,
        isCrossRepository: options.isCrossRepository ?? false,
        labels: options.labels ?? []
      });
      const checks = options.checks ?? 'pass';
      if (checks === 'pass') fake.addCheckRun(sha, { repo: slug, name: 'test' });
      else if (checks !== 'none')
        for (const c of checks) fake.addCheckRun(sha, { repo: slug, ...c });
      for (const s of options.statuses ?? []) fake.addStatus(sha, { repo: slug, ...s });
      return sha;
    },
    checkout,
    settings,
    async rebuild(inputs = {}, options = {}) {
      const token = options.token ?? WRITE_TOKEN;
      const dir = options.checkout ?? (await checkout({ depth: options.depth, token }));
      start = fake.requests.length;
      const s = {
        ...settings({ 'github-token': token, ...inputs }, options.env),
        workspace: dir
      };
      const octokit = createOctokit(s.githubToken, s.apiUrl, s.requestTimeoutMs);
      const github = options.afterQuery
        ? new HookedGitHub(octokit, s.repository, options.afterQuery)
        : new GitHub(octokit, s.repository);
      return rebuild(s, {
        github,
        git: new Git(dir, { requestTimeoutMs: s.requestTimeoutMs }),
        flux: () => connectKubernetes(s.kubeconfig, s.requestTimeoutMs).flux,
        argo: () => connectKubernetes(s.kubeconfig, s.requestTimeoutMs).argo
      });
    },
    requests,
    count: kind => requests().filter(r => r.kind === kind).length,
    staging: () => origin.revParse('refs/heads/staging'),
    async firstParents(ref = 'refs/heads/staging') {
      const out = await origin.git(['log', '--first-parent', '--format=%s', ref, '--']);
      return out.split('\n').filter(l => l !== '');
    },
    message: rev => origin.git(['log', '-1', '--format=%B', rev, '--']),
    async files(ref = 'refs/heads/staging') {
      const out = await origin.git(['ls-tree', '-r', '--name-only', ref]);
      return out.split('\n').filter(l => l !== '');
    },
    async refs() {
      const out = await origin.git(['for-each-ref', '--format=%(refname) %(objectname)']);
      return new Map(
        out
          .split('\n')
          .filter(l => l !== '')
          .map(l => l.split(' ') as [string, string])
      );
    }
  };
}

/**
 * Opens `count` PRs numbered 1..count, each adding `prs/<n>.txt` on top of main, with one passing
 * check, using a single fast-import process for all the commits.
 */
export async function openManyPrs(s: Scenario, count: number): Promise<Map<number, string>> {
  const main = (await s.origin.revParse('refs/heads/main')) as string;
  const when = `${Math.floor(Date.now() / 1000)} +0000`;
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const parts: string[] = [];
  for (let n = 1; n <= count; n++) {
    parts.push(
      `commit refs/pull/${n}/head\n`,
      `mark :${n}\n`,
      `committer Staging Fixture <fixture@example.invalid> ${when}\n`,
      data(`PR ${n}`),
      `from ${main}\n`,
      'M 100644 inline ' + `prs/${n}.txt\n`,
      data(`pr ${n}\n`),
      '\n'
    );
  }
  for (let n = 1; n <= count; n++) parts.push(`get-mark :${n}\n`);
  const out = await git(['fast-import', '--quiet', '--force'], {
    cwd: s.origin.bareDir,
    input: parts.join('')
  });
  const shas = out.split('\n').filter(l => l !== '');
  const heads = new Map<number, string>();
  for (let n = 1; n <= count; n++) {
    const sha = shas[n - 1];
    heads.set(n, sha);
    await s.fake.addPullRequest({ repo: s.slug, number: n, title: `PR ${n}` });
    s.fake.addCheckRun(sha, { repo: s.slug, name: 'test' });
  }
  return heads;
}
