// "Does the stage branch still exist?" for every staged version in one GraphQL query (plus a page
// per 100 stage branches), against the fake GitHub executing it on GitHub's schema.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createOctokit, GitHub } from '../../../src/io/github.js';
import { startFakeGitHub, type FakeGitHub } from '../../helpers/fake-github.js';
import { createOrigin, type Origin } from '../../helpers/git-fixture.js';

let fake: FakeGitHub;
let origin: Origin;
beforeAll(async () => {
  [fake, origin] = await Promise.all([startFakeGitHub(), createOrigin()]);
  fake.addRepo({ repo: 'acme/pipelines', bareDir: origin.bareDir });
  const main = (await origin.revParse('refs/heads/main')) ?? '';
  for (let i = 0; i < 130; i++) await origin.setRef(`refs/heads/stage/ds-${i}/v0.1.0`, main);
  await origin.setRef('refs/heads/feature/stage/x', main);
  await origin.setRef('refs/heads/stagex/y', main);
  await origin.setRef('refs/tags/stage/ds-0/v0.1.0', main);
});
afterAll(async () => Promise.all([fake.close(), origin.cleanup()]));

const github = (token: string): GitHub =>
  new GitHub(createOctokit(token, fake.url), { owner: 'acme', repo: 'pipelines' });

describe('GitHub.stageBranches', () => {
  it('lists exactly the branches under stage/, over pages, with the default branch', async () => {
    const before = fake.requests.length;
    const { defaultBranch, branches } = await github('ghs_fake-read').stageBranches();
    expect(defaultBranch).toBe('main');
    expect(branches.size).toBe(130);
    expect(branches.has('stage/ds-129/v0.1.0')).toBe(true);
    expect([...branches].every(b => /^stage\/ds-\d+\/v0\.1\.0$/.test(b))).toBe(true);
    // 130 branches: two pages of one query.
    expect(fake.requests.slice(before).map(r => r.path)).toEqual(['/graphql', '/graphql']);
  });

  it('needs contents: read, as GitHub does', async () => {
    fake.addToken('ghs_no-contents', {
      permission: 'READ',
      push: false,
      permissions: { 'pull-requests': 'read' }
    });
    await expect(github('ghs_no-contents').stageBranches()).rejects.toThrow(
      /Resource not accessible by integration/
    );
  });
});
