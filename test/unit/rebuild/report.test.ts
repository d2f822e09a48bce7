import { describe, expect, it } from '@jest/globals';
import { buildRebuildReport, rebuildOutputs } from '../../../src/rebuild/report.js';
import type { PrOutcome, RebuildResult } from '../../../src/rebuild/types.js';
import { renderText } from '../../../src/summary.js';

const BASE = '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678';
const STAGING = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';
const TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const outcomes: PrOutcome[] = [
  {
    number: 20,
    title: 'Bump chart',
    author: null,
    status: 'merged',
    sha: 'abc1234000000000000000000000000000000020'
  },
  {
    number: 12,
    title: 'Add redis',
    author: null,
    status: 'merged',
    sha: 'def5678000000000000000000000000000000012'
  },
  {
    number: 14,
    title: 'Tune redis',
    author: null,
    status: 'skipped',
    reason: { kind: 'conflict', files: ['apps/redis.yaml'], with: [12] }
  },
  { number: 15, title: 'WIP', author: null, status: 'skipped', reason: { kind: 'draft' } },
  {
    number: 16,
    title: 'Flaky',
    author: null,
    status: 'skipped',
    reason: { kind: 'ci-failing', checks: ['CI / test'] }
  }
];

function result(over: Partial<RebuildResult> = {}): RebuildResult {
  return {
    result: 'pushed',
    fastPath: false,
    repository: 'octo/gitops',
    baseBranch: 'main',
    baseSha: BASE,
    stagingBranch: 'staging',
    stagingSha: STAGING,
    treeSha: TREE,
    outcomes,
    created: false,
    ...over
  };
}

describe('buildRebuildReport', () => {
  it('heads the report with what happened to staging', () => {
    const headline = (over: Partial<RebuildResult>): string =>
      buildRebuildReport(result(over)).headline;
    expect(headline({})).toBe('Pushed staging: 2 merged, 3 skipped');
    expect(headline({ created: true })).toBe('Created staging: 2 merged, 3 skipped');
    expect(headline({ result: 'unchanged' })).toBe(
      'Staging unchanged: candidate tree equals staging (nothing pushed)'
    );
    expect(headline({ result: 'unchanged', fastPath: true })).toBe(
      'Staging unchanged: candidate tree equals staging (nothing pushed), inputs unchanged since the last build'
    );
    expect(headline({ result: 'lease-lost' })).toBe(
      'Lease lost: staging moved during the run; nothing overwritten — the next run rebuilds it'
    );
    expect(headline({ result: 'dry-run' })).toBe(
      'Dry run: would push staging: 2 merged, 3 skipped'
    );
  });

  it('states base, staging branch and SHAs as facts', () => {
    const report = buildRebuildReport(result());
    expect(report.title).toBe('Staging rebuild');
    expect(report.facts).toEqual([
      { label: 'Base', value: 'main@1a2b3c4', code: true },
      { label: 'Staging branch', value: 'staging', code: true },
      { label: 'Staging SHA', value: STAGING, code: true },
      { label: 'Tree SHA', value: TREE, code: true }
    ]);
  });

  it('says "(none)" for SHAs a run did not produce', () => {
    const report = buildRebuildReport(
      result({ result: 'lease-lost', stagingSha: '', treeSha: '' })
    );
    expect(report.facts.slice(2)).toEqual([
      { label: 'Staging SHA', value: '(none)' },
      { label: 'Tree SHA', value: '(none)' }
    ]);
  });

  it('has one row per open PR, in merge order, with the reason for each outcome', () => {
    const [table] = buildRebuildReport(result()).tables;
    expect(table?.headers).toEqual(['PR', 'Title', 'Author', 'Outcome', 'Details']);
    expect(table?.rows).toEqual([
      ['#12', 'Add redis', '', 'merged', 'def5678'],
      ['#14', 'Tune redis', '', 'skipped', 'conflict with #12 in apps/redis.yaml'],
      ['#15', 'WIP', '', 'skipped', 'draft'],
      ['#16', 'Flaky', '', 'skipped', 'CI failing: CI / test'],
      ['#20', 'Bump chart', '', 'merged', 'abc1234']
    ]);
  });

  it('shows the author when the outcome carries one', () => {
    const withAuthor: PrOutcome & { author: string } = { ...outcomes[0], author: 'octocat' };
    const [table] = buildRebuildReport(result({ outcomes: [withAuthor] })).tables;
    expect(table?.rows[0]?.[2]).toBe('octocat');
  });

  it('says there is nothing to stage when no PR is open', () => {
    const report = buildRebuildReport(result({ outcomes: [] }));
    expect(report.tables).toEqual([]);
    expect(report.notes).toEqual([{ text: 'No open pull requests to main.' }]);
    expect(report.headline).toBe('Pushed staging: 0 merged, 0 skipped');
  });

  it('renders as text a person can scan', () => {
    const text = renderText(buildRebuildReport(result()));
    expect(text).toContain('Pushed staging: 2 merged, 3 skipped');
    expect(text).toMatch(/^#14 +Tune redis +skipped +conflict with #12 in apps\/redis\.yaml$/m);
  });
});

describe('rebuildOutputs', () => {
  it('lists merged and skipped PRs as JSON, in merge order', () => {
    const out = rebuildOutputs(result());
    expect(JSON.parse(out.merged)).toEqual([12, 20]);
    expect(JSON.parse(out.skipped)).toEqual([
      { number: 14, reason: 'conflict', detail: 'conflict with #12 in apps/redis.yaml' },
      { number: 15, reason: 'draft', detail: 'draft' },
      { number: 16, reason: 'ci-failing', detail: 'CI failing: CI / test' }
    ]);
  });

  it('says whether staging was pushed, and where it ended up', () => {
    expect(rebuildOutputs(result())).toMatchObject({
      pushed: 'true',
      'staging-sha': STAGING,
      'tree-sha': TREE,
      result: 'pushed'
    });
    for (const kind of ['unchanged', 'lease-lost', 'dry-run'] as const) {
      expect(rebuildOutputs(result({ result: kind }))).toMatchObject({
        pushed: 'false',
        result: kind
      });
    }
  });

  it('gives empty JSON lists when no PR is open', () => {
    expect(rebuildOutputs(result({ outcomes: [] }))).toMatchObject({ merged: '[]', skipped: '[]' });
  });
});
