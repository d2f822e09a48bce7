// GitHub Actions workflows for the fake GitHub: `GET /repos/{o}/{r}/actions/workflows` (paged
// with a Link header, as GitHub does) lists the workflow files on the default branch of the real
// bare repository, and `POST .../actions/workflows/{id or file name}/dispatches` reads the file at
// the requested ref and answers as GitHub does: 404 for an unknown workflow, 422 for a missing
// ref, a file without a workflow_dispatch trigger, an input it does not declare or a required one
// left out; 204 otherwise, recording the dispatch. Needs actions: write (403 otherwise).
// Types only from the fake (see fake-kube-jobs.ts): no relative import at runtime.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { FakeGitHub, FakeRepo, FakeRestReply, FakeRestRequest } from './fake-github.js';

const run = promisify(execFile);
const DOCS = 'https://docs.github.com/rest/actions/workflows';
const WORKFLOWS_DIR = '.github/workflows';

export interface FakeDispatch {
  repo: string;
  /** The workflow's path, e.g. `.github/workflows/deploy.yml`. */
  workflow: string;
  ref: string;
  inputs: Record<string, unknown>;
}

export interface FakeActions {
  /** Accepted dispatches, in order. */
  readonly dispatches: FakeDispatch[];
  /** The id GitHub would list for a workflow path (stable per repository and path). */
  workflowId(repo: string, path: string): number;
}

interface Workflow {
  id: number;
  path: string;
  name: string;
}

async function git(bareDir: string, args: string[]): Promise<string | null> {
  try {
    const { stdout } = await run('git', args, {
      cwd: bareDir,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }
    });
    return stdout;
  } catch {
    return null;
  }
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** `on.workflow_dispatch` of a workflow file: its inputs, or null without the trigger. */
function dispatchTrigger(text: string): Record<string, unknown> | null {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return null;
  }
  const on = record(doc)?.on;
  if (on === 'workflow_dispatch') return {};
  if (Array.isArray(on)) return on.includes('workflow_dispatch') ? {} : null;
  const map = record(on);
  if (!map || !Object.hasOwn(map, 'workflow_dispatch')) return null;
  return record(record(map.workflow_dispatch)?.inputs) ?? {};
}

function error(status: number, message: string, anchor: string): FakeRestReply {
  return {
    status,
    body: { message, documentation_url: `${DOCS}#${anchor}`, status: String(status) }
  };
}

export function installFakeActions(fake: FakeGitHub): FakeActions {
  const dispatches: FakeDispatch[] = [];
  const ids = new Map<string, number>();
  const workflowId = (repo: string, path: string): number => {
    const key = `${repo.toLowerCase()}:${path}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = 161_335_000 + ids.size));
    return id;
  };

  async function workflows(repo: FakeRepo): Promise<Workflow[]> {
    const branch = `refs/heads/${repo.defaultBranch}`;
    const out = await git(repo.bareDir, ['ls-tree', '--name-only', branch, `${WORKFLOWS_DIR}/`]);
    const paths = (out ?? '')
      .split('\n')
      .filter(p => /\.ya?ml$/.test(p))
      .sort();
    const list: Workflow[] = [];
    for (const path of paths) {
      const text = (await git(repo.bareDir, ['show', `${branch}:${path}`])) ?? '';
      let name: unknown;
      try {
        name = record(parseYaml(text))?.name;
      } catch {
        name = undefined;
      }
      // GitHub names a workflow without `name:` by its path.
      const shown = typeof name === 'string' && name !== '' ? name : path;
      list.push({ id: workflowId(repo.fullName, path), path, name: shown });
    }
    return list;
  }

  async function list(req: FakeRestRequest): Promise<FakeRestReply> {
    const all = await workflows(req.repo);
    const perPage = Math.min(100, Number(req.query.get('per_page') ?? '30') || 30);
    const page = Math.max(1, Number(req.query.get('page') ?? '1') || 1);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const api = `${req.apiUrl}/repos/${req.repo.fullName}`;
    const headers: Record<string, string> = {};
    if (page * perPage < all.length) {
      headers.link = `<${api}/actions/workflows?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    }
    return {
      status: 200,
      headers,
      body: {
        total_count: all.length,
        workflows: slice.map(w => ({
          id: w.id,
          node_id: `W_${w.id}`,
          name: w.name,
          path: w.path,
          state: 'active',
          created_at: '2024-01-01T00:00:00Z',
          updated_at: '2024-01-01T00:00:00Z',
          url: `${api}/actions/workflows/${w.id}`,
          html_url: `${req.apiUrl}/${req.repo.fullName}/blob/${req.repo.defaultBranch}/${w.path}`,
          badge_url: `${req.apiUrl}/${req.repo.fullName}/workflows/${w.name}/badge.svg`
        }))
      }
    };
  }

  async function dispatch(req: FakeRestRequest, idOrFile: string): Promise<FakeRestReply> {
    const anchor = 'create-a-workflow-dispatch-event';
    if (!req.allows('actions', 'write')) {
      return error(403, 'Resource not accessible by integration', anchor);
    }
    const workflow = (await workflows(req.repo)).find(w =>
      /^\d+$/.test(idOrFile) ? w.id === Number(idOrFile) : w.path === `${WORKFLOWS_DIR}/${idOrFile}`
    );
    if (!workflow) return error(404, 'Not Found', anchor);
    let body: Record<string, unknown>;
    try {
      body = record(JSON.parse(req.body.toString('utf8'))) ?? {};
    } catch {
      return error(400, 'Problems parsing JSON', anchor);
    }
    const ref = typeof body.ref === 'string' ? body.ref : '';
    if (ref === '') return error(422, 'Invalid request.\n\n"ref" wasn\'t supplied.', anchor);
    const candidates = ref.startsWith('refs/') ? [ref] : [`refs/heads/${ref}`, `refs/tags/${ref}`];
    let text: string | null = null;
    let found = false;
    for (const full of candidates) {
      if ((await git(req.repo.bareDir, ['rev-parse', '--verify', '--quiet', full])) === null) {
        continue;
      }
      found = true;
      text = await git(req.repo.bareDir, ['show', `${full}:${workflow.path}`]);
      break;
    }
    if (!found) return error(422, `No ref found for: ${ref}`, anchor);
    const declared = text === null ? null : dispatchTrigger(text);
    if (declared === null) {
      return error(422, "Workflow does not have 'workflow_dispatch' trigger", anchor);
    }
    const inputs = record(body.inputs) ?? {};
    const unexpected = Object.keys(inputs).filter(k => !Object.hasOwn(declared, k));
    if (unexpected.length > 0) {
      return error(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`, anchor);
    }
    for (const [name, spec] of Object.entries(declared)) {
      const s = record(spec);
      if (s?.required === true && s.default === undefined && !Object.hasOwn(inputs, name)) {
        return error(422, `Required input '${name}' not provided`, anchor);
      }
    }
    dispatches.push({ repo: req.repo.fullName, workflow: workflow.path, ref, inputs });
    return { status: 204 };
  }

  fake.restRoutes.push(async req => {
    if (req.rest === '/actions/workflows' && req.method === 'GET') return list(req);
    const m = /^\/actions\/workflows\/([^/]+)\/dispatches$/.exec(req.rest);
    if (m && req.method === 'POST') return dispatch(req, decodeURIComponent(m[1] ?? ''));
    return null;
  });
  return { dispatches, workflowId };
}
