// Runs that must stop with a clear error and leave the origin alone: bad inputs, a token that
// cannot push, and events whose token is read-only. Each proves nothing was pushed (staging and
// main unchanged, no successful git-receive-pack) and, where the error can come first, nothing
// was fetched.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InputError } from '../../../src/inputs/parse.js';
import { READ_TOKEN, startHub, type Hub, type Scenario } from '../../helpers/rebuild-harness.js';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => hub.close());

/** A repository with a PR and an existing staging branch, and the refs to compare against. */
async function withStaging(): Promise<{ s: Scenario; before: Map<string, string> }> {
  const s = await hub.scenario();
  await s.pr(1, { 'a.txt': 'a\n' });
  await s.rebuild();
  await s.pr(2, { 'b.txt': 'b\n' }); // so a run that got through would push
  return { s, before: await s.refs() };
}

async function expectUntouched(s: Scenario, before: Map<string, string>): Promise<void> {
  expect(await s.refs()).toEqual(before);
  expect(s.requests().filter(r => r.kind === 'git-receive-pack' && r.status === 200)).toEqual([]);
}

describe('inputs that are refused before any work', () => {
  it('refuses a staging branch equal to the base branch', async () => {
    const { s, before } = await withStaging();

    await expect(s.rebuild({ 'staging-branch': 'main', 'base-branch': 'main' })).rejects.toThrow(
      "staging-branch and base-branch are both 'main'"
    );
    // No base-branch: the event names the default branch.
    await expect(s.rebuild({ 'staging-branch': 'main' })).rejects.toThrow(InputError);
    expect(s.requests()).toEqual([]);
    await expectUntouched(s, before);
  });

  it('refuses a staging branch equal to the default branch looked up on GitHub', async () => {
    const { s, before } = await withStaging();

    await expect(
      s.rebuild({ 'staging-branch': 'main' }, { env: { GITHUB_EVENT_PATH: '' } })
    ).rejects.toThrow("staging-branch 'main' is the base branch");
    expect(s.count('git-upload-pack')).toBe(0);
    await expectUntouched(s, before);
  });

  describe('malformed values (one repository, refused before touching it)', () => {
    let shared: { s: Scenario; before: Map<string, string>; checkout: string };
    beforeAll(async () => {
      const { s, before } = await withStaging();
      shared = { s, before, checkout: await s.checkout() };
    });

    it.each([
      ['staging-branch', 'feature..x', "it contains '..'"],
      ['staging-branch', '-delete', "it starts with '-'"],
      ['staging-branch', 'my staging', 'it contains a space'],
      ['staging-branch', 'refs/heads/staging', "give the branch name without 'refs/heads/'"],
      ['staging-branch', 'staging.lock', "ends with '.lock'"],
      ['staging-branch', '$(id)', 'it contains a shell metacharacter'],
      ['base-branch', 'main;id', 'it contains a shell metacharacter'],
      ['base-branch', 'HEAD', "'@' and 'HEAD' name the current commit"]
    ])('refuses %s %j', async (input, value, problem) => {
      const { s, before, checkout } = shared;

      const run = s.rebuild({ [input]: value }, { checkout });

      await expect(run).rejects.toThrow(`Invalid branch name '${value}' for input '${input}': `);
      await expect(run).rejects.toThrow(problem);
      expect(s.requests()).toEqual([]);
      await expectUntouched(s, before);
    });

    it.each([
      ['ignore-checks', '["codecov/*", "lint"]', 'looks like YAML/JSON list syntax'],
      ['labels', '[staging]', 'looks like YAML/JSON list syntax'],
      ['exclude-labels', "'wip'", 'looks like YAML/JSON list syntax'],
      ['include-drafts', 'yes', 'Expected true or false'],
      ['require-checks', '1', 'Expected true or false']
    ])('refuses a malformed %s %j', async (input, value, problem) => {
      const { s, before, checkout } = shared;

      const run = s.rebuild({ [input]: value }, { checkout });

      await expect(run).rejects.toThrow(problem);
      await expect(run).rejects.toThrow(`for input '${input}'`);
      expect(s.requests()).toEqual([]);
      await expectUntouched(s, before);
    });
  });

  it('refuses a base branch that does not exist, before fetching anything', async () => {
    const { s, before } = await withStaging();

    await expect(s.rebuild({ 'base-branch': 'nope' })).rejects.toThrow(
      `Base branch 'nope' does not exist in ${s.slug}`
    );
    expect(s.count('graphql')).toBe(1);
    expect(s.count('git-upload-pack')).toBe(0);
    await expectUntouched(s, before);
  });

  it('asks for actions/checkout when the workspace is not a git repository', async () => {
    const { s, before } = await withStaging();
    const empty = path.join(s.origin.dir, 'not-a-checkout');
    mkdirSync(empty);

    await expect(s.rebuild({}, { checkout: empty })).rejects.toThrow(
      `${empty} is not a git repository. Run actions/checkout before this action`
    );
    expect(s.requests()).toEqual([]);
    await expectUntouched(s, before);
  });
});

describe('tokens and events that cannot push', () => {
  it('stops after the GraphQL read with a read-only user token, before fetching', async () => {
    const { s, before } = await withStaging();
    s.fake.addToken('ghp_fake-reader', { permission: 'READ', push: false });

    await expect(s.rebuild({}, { token: 'ghp_fake-reader' })).rejects.toThrow(
      `The token can only read ${s.slug} (permission READ); rebuild pushes staging`
    );
    expect(s.count('git-upload-pack')).toBe(0);
    await expectUntouched(s, before);
  });

  it('lets the push decide for an installation token that reports READ, and pushes nothing', async () => {
    // GITHUB_TOKEN and GitHub App tokens (ghs_) do not have a documented viewerPermission.
    const { s, before } = await withStaging();

    await expect(s.rebuild({}, { token: READ_TOKEN })).rejects.toThrow(
      new RegExp(`The token cannot push to ${s.slug} .*permissions: contents: write`)
    );
    expect(s.count('git-receive-pack')).toBeGreaterThan(0);
    await expectUntouched(s, before);
  });

  it('stops before any request on a pull_request event from a fork', async () => {
    const { s, before } = await withStaging();
    const event = path.join(s.origin.dir, 'fork-event.json');
    writeFileSync(
      event,
      JSON.stringify({
        action: 'closed',
        pull_request: {
          number: 2,
          head: { repo: { full_name: 'mallory/app' } },
          base: { repo: { full_name: s.slug } }
        },
        repository: { full_name: s.slug, default_branch: 'main' }
      })
    );

    await expect(
      s.rebuild({}, { env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event } })
    ).rejects.toThrow(/read-only: this pull_request run comes from the fork mallory\/app/);
    expect(s.requests()).toEqual([]);
    await expectUntouched(s, before);
  });

  it('stops before any request on a pull_request event started by Dependabot', async () => {
    const { s, before } = await withStaging();

    await expect(
      s.rebuild({}, { env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'dependabot[bot]' } })
    ).rejects.toThrow(/read-only: this pull_request run was started by Dependabot/);
    expect(s.requests()).toEqual([]);
    await expectUntouched(s, before);
  });

  it('names push rights when the token reads fine but the push is refused (403)', async () => {
    const { s, before } = await withStaging();
    s.fake.addToken('ghs_fake-nopush', { permission: 'WRITE', push: false });

    await expect(s.rebuild({}, { token: 'ghs_fake-nopush' })).rejects.toThrow(
      new RegExp(`The token cannot push to ${s.slug} .*permissions: contents: write`)
    );
    expect(
      s
        .requests()
        .filter(r => r.kind === 'git-receive-pack')
        .map(r => r.status)
    ).toEqual([403]);
    await expectUntouched(s, before);
  });

  it('passes on why the server refused the push (a protected staging branch)', async () => {
    const { s, before } = await withStaging();
    // What GitHub answers when branch protection covers staging.
    const hook = path.join(s.origin.bareDir, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\necho "GH006: Protected branch update failed for refs/heads/staging." >&2\nexit 1\n'
    );
    chmodSync(hook, 0o755);

    await expect(s.rebuild()).rejects.toThrow(
      /Pushing staging failed: .*GH006: Protected branch update failed for refs\/heads\/staging/
    );
    expect(await s.refs()).toEqual(before); // the push got through to the server, which refused it
  });
});
