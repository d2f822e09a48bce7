// `git merge-tree --write-tree` arrived in git 2.38: on an older git the bundle stops with a
// clear error before any request or push. A PATH shim plays the old git.
import { execFile } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WRITE_TOKEN, startHub, type Hub } from '../helpers/rebuild-harness.js';
import { runAction, runnerFiles, type RunnerFiles } from '../helpers/run-action.js';

let hub: Hub;
let files: RunnerFiles;
beforeAll(async () => {
  [hub, files] = await Promise.all([startHub(), runnerFiles()]);
});
afterAll(async () => Promise.all([hub.close(), files.cleanup()]));

describe('node dist/index.js on a runner with git older than 2.38', () => {
  it('fails with the version it needs, sends nothing and pushes nothing', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    const workspace = await s.checkout();
    const realGit = (await promisify(execFile)('sh', ['-c', 'command -v git'])).stdout.trim();
    const shim = path.join(files.dir, 'old-git');
    await mkdir(shim, { recursive: true });
    await writeFile(
      path.join(shim, 'git'),
      `#!/bin/sh\nif [ "$1" = version ]; then echo "git version 2.37.1"; exit 0; fi\nexec '${realGit}' "$@"\n`
    );
    await chmod(path.join(shim, 'git'), 0o755);
    const requestsBefore = hub.fake.requests.length;

    const run = await runAction(
      files,
      { mode: 'rebuild', 'github-token': WRITE_TOKEN },
      {
        PATH: `${shim}:${process.env.PATH ?? ''}`,
        GITHUB_REPOSITORY: s.slug,
        GITHUB_API_URL: s.fake.url,
        GITHUB_WORKSPACE: workspace,
        GITHUB_EVENT_NAME: 'workflow_dispatch'
      }
    );

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::rebuild needs git 2.38 or newer (for 'git merge-tree --write-tree'); this runner has git version 2.37.1"
    );
    expect(hub.fake.requests.length).toBe(requestsBefore);
    expect(await s.staging()).toBeNull();
  });
});
