// What a job missing a permission sees: a GraphQL read the token may not make is explained with
// the permissions to add; a commit status GitHub refuses after the push does not undo the run.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildRebuildReport } from '../../../src/rebuild/report.js';
import { startHub, type Hub } from '../../helpers/rebuild-harness.js';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => hub.close());

describe('missing permissions', () => {
  it('names the permissions to add when GitHub refuses part of the query', async () => {
    const s = await hub.scenario();
    await s.pr(1, { 'a.txt': 'a\n' });
    // A job that forgot `actions: read`: GitHub answers the query with HTTP 200, the workflow
    // run behind each check run null, and a FORBIDDEN error for each.
    const token = 'ghs_fake-no-actions';
    s.fake.addWorkflowToken(token, {
      contents: 'write',
      statuses: 'write',
      'pull-requests': 'read',
      checks: 'read'
    });

    await expect(s.rebuild({}, { token })).rejects.toThrow(
      /Resource not accessible by integration.*permissions: contents: write, pull-requests: read, checks: read, actions: read/
    );
    const graphql = s.requests().filter(r => r.kind === 'graphql');
    expect(graphql).toEqual([expect.objectContaining({ status: 200 })]);
    expect(s.count('git-upload-pack')).toBe(0);
    expect(s.count('git-receive-pack')).toBe(0);
    expect(await s.staging()).toBeNull();
  });

  it('keeps a pushed staging and reports commit statuses GitHub refuses', async () => {
    const s = await hub.scenario({ 'README.md': 'app\n', 'c.txt': 'base\n' });
    await s.pr(1, { 'c.txt': 'one\n' });
    await s.pr(2, { 'c.txt': 'two\n' });
    // A job that forgot `statuses: write`: GitHub answers each POST with a 403.
    const token = 'ghs_fake-no-statuses';
    s.fake.addWorkflowToken(token, {
      contents: 'write',
      'pull-requests': 'read',
      checks: 'read',
      actions: 'read'
    });

    const result = await s.rebuild({ 'commit-status': 'staging' }, { token });

    expect(result.result).toBe('pushed');
    expect(await s.staging()).toBe(result.stagingSha);
    expect(result.statusErrors).toHaveLength(2);
    expect(result.statusErrors?.[0]).toMatch(/^#1: .*Resource not accessible by integration/);
    const facts = buildRebuildReport(result).facts.map(f => `${f.label}: ${f.value}`);
    expect(facts).toContainEqual(expect.stringMatching(/^Commit statuses: 2 could not be posted/));
  });
});
