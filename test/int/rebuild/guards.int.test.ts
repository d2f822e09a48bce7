// Branches rebuild must never force-push, and names git cannot store: each refused with a clear
// error before anything is fetched or pushed, and every ref of the origin left as it was.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InputError } from '../../../src/inputs/parse.js';
import { startHub, type Hub, type Scenario } from '../../helpers/rebuild-harness.js';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => hub.close());

/** main with a commit only main has, a `release` branch, and a PR to release. */
async function withRelease(): Promise<{ s: Scenario; before: Map<string, string> }> {
  const s = await hub.scenario();
  await s.origin.commit('release', { 'release.txt': 'r\n' }, 'Release', { from: 'main' });
  await s.origin.commit('main', { 'main-only.txt': 'm\n' }, 'Main only');
  const sha = await s.origin.commit('pr-1', { 'a.txt': 'a\n' }, 'PR 1', { from: 'release' });
  await s.fake.addPullRequest({ repo: s.slug, number: 1, head: sha, baseRefName: 'release' });
  s.fake.addCheckRun(sha, { repo: s.slug, name: 'test' });
  return { s, before: await s.refs() };
}

async function expectUntouched(s: Scenario, before: Map<string, string>): Promise<void> {
  expect(await s.refs()).toEqual(before);
  expect(s.count('git-upload-pack')).toBe(0);
  expect(s.count('git-receive-pack')).toBe(0);
}

describe('the default branch is never the staging branch', () => {
  it('refuses it when the event names it, whatever the base branch', async () => {
    const { s, before } = await withRelease();

    const run = s.rebuild({ 'staging-branch': 'main', 'base-branch': 'release' });

    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow("staging-branch 'main' is the repository's default branch");
    expect(s.requests()).toEqual([]);
    await expectUntouched(s, before);
  });

  it('refuses it when only GitHub knows it (no event payload)', async () => {
    const { s, before } = await withRelease();

    const run = s.rebuild(
      { 'staging-branch': 'main', 'base-branch': 'release' },
      { env: { GITHUB_EVENT_PATH: '' } }
    );

    await expect(run).rejects.toThrow("staging-branch 'main' is the repository's default branch");
    await expectUntouched(s, before);
  });

  it('refuses it in a dry run too', async () => {
    const { s, before } = await withRelease();

    await expect(
      s.rebuild(
        { 'staging-branch': 'main', 'base-branch': 'release', 'dry-run': 'true' },
        { env: { GITHUB_EVENT_PATH: '' } }
      )
    ).rejects.toThrow(InputError);
    await expectUntouched(s, before);
  });
});

describe('protected branches are never the staging branch', () => {
  it('refuses a staging branch a branch protection rule covers, naming the rule', async () => {
    const { s } = await withRelease();
    await s.rebuild({ 'base-branch': 'release' }); // staging exists now
    await s.origin.commit('release', { 'more.txt': 'x\n' }, 'More'); // so a run would push
    s.fake.repo(s.slug).protectedBranches.push('stag*');
    const before = await s.refs();

    const run = s.rebuild({ 'base-branch': 'release' });

    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      "staging-branch 'staging' is protected by the branch protection rule 'stag*'"
    );
    await expectUntouched(s, before);
  });

  it('still rebuilds a staging branch no rule covers', async () => {
    const { s } = await withRelease();
    s.fake.repo(s.slug).protectedBranches.push('main', 'release', 'release/*');

    const result = await s.rebuild({ 'base-branch': 'release' });

    expect(result.result).toBe('pushed');
    expect(await s.staging()).toBe(result.stagingSha);
  });
});

describe('branch names too long for git', () => {
  it('refuses a 300-character staging branch before any request', async () => {
    const { s, before } = await withRelease();
    const long = 's'.repeat(300);

    const run = s.rebuild({ 'staging-branch': long, 'base-branch': 'release' });

    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(/is 300 bytes long; git stores a branch name component/);
    expect(s.requests()).toEqual([]);
    await expectUntouched(s, before);
  });

  it('accepts a long name made of short components', async () => {
    const { s } = await withRelease();
    const nested = Array.from({ length: 4 }, (_, i) => `${i}${'x'.repeat(60)}`).join('/');

    const result = await s.rebuild({ 'staging-branch': nested, 'base-branch': 'release' });

    expect(result.result).toBe('pushed');
    expect(await s.origin.revParse(`refs/heads/${nested}`)).toBe(result.stagingSha);
  });
});
