import { describe, expect, it } from '@jest/globals';
import { buildRebuildReport, rebuildOutputs } from '../../../src/rebuild/report.js';
import type { PrOutcome, RebuildResult } from '../../../src/rebuild/types.js';
import { webLinks } from '../../../src/inputs/context.js';
import { plainText, renderText, type Span, type Text } from '../../../src/summary.js';

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

const links = webLinks({
  serverUrl: 'https://github.example.com',
  repository: { owner: 'octo', repo: 'gitops' }
});

describe('buildRebuildReport', () => {
  it('heads the report with what happened to staging and the counts', () => {
    const headline = (over: Partial<RebuildResult>): string =>
      buildRebuildReport(result(over)).headline;
    expect(headline({})).toBe('Pushed staging: 2 merged, 3 skipped');
    expect(headline({ created: true })).toBe('Created staging: 2 merged, 3 skipped');
    expect(headline({ result: 'unchanged' })).toBe('Staging unchanged: 2 merged, 3 skipped');
    expect(headline({ result: 'lease-lost' })).toBe(
      'Lease lost: staging moved during the run; nothing overwritten — the next run rebuilds it'
    );
    expect(headline({ result: 'dry-run' })).toBe(
      'Dry run: would push staging: 2 merged, 3 skipped'
    );
  });

  it('states base, staging branch and SHAs as code, linked to their pages', () => {
    const report = buildRebuildReport(result(), links);
    expect(report.title).toBe('Staging rebuild');
    expect(report.facts).toEqual([
      {
        label: 'Base',
        value: 'main@1a2b3c4',
        code: true,
        href: `https://github.example.com/octo/gitops/commit/${BASE}`
      },
      {
        label: 'Staging branch',
        value: 'staging',
        code: true,
        href: 'https://github.example.com/octo/gitops/tree/staging'
      },
      {
        label: 'Staging SHA',
        value: STAGING,
        code: true,
        href: `https://github.example.com/octo/gitops/commit/${STAGING}`
      },
      { label: 'Tree SHA', value: TREE, code: true }
    ]);
  });

  it('states the Argo CD refresh and each workflow dispatch, failures with their reason', () => {
    const facts = buildRebuildReport(
      result({
        argocd: { application: 'argocd/app-staging', error: null },
        dispatches: [
          { workflow: 'deploy.yml', input: 'staging-sha', error: null },
          { workflow: 'E2E (e2e.yml)', input: null, error: null },
          { workflow: 'gone.yml', input: null, error: 'HTTP 404: Not Found' }
        ]
      })
    ).facts.slice(4);
    expect(facts).toEqual([
      { label: 'Argo CD', value: 'requested a refresh of Application argocd/app-staging' },
      {
        label: 'Workflows',
        value:
          'deploy.yml: dispatched with staging-sha; E2E (e2e.yml): dispatched; gone.yml: not dispatched: HTTP 404: Not Found'
      }
    ]);
    const failed = buildRebuildReport(
      result({ argocd: { application: 'argocd/x', error: 'not found' } })
    ).facts.slice(4);
    expect(failed).toEqual([
      { label: 'Argo CD', value: 'could not request a refresh of argocd/x: not found' }
    ]);
  });

  it('says "(none)" for SHAs a run did not produce, and links no missing branch', () => {
    const report = buildRebuildReport(
      result({ result: 'lease-lost', stagingSha: '', treeSha: '' }),
      links
    );
    expect(report.facts.slice(1)).toEqual([
      { label: 'Staging branch', value: 'staging', code: true },
      { label: 'Staging SHA', value: '(none)' },
      { label: 'Tree SHA', value: '(none)' }
    ]);
  });

  it('lists merged PRs first, then the skipped ones grouped by reason', () => {
    const more: PrOutcome[] = [
      ...outcomes,
      {
        number: 11,
        title: 'Also red',
        author: null,
        status: 'skipped',
        reason: { kind: 'ci-failing', checks: ['CI / lint'] }
      },
      {
        number: 13,
        title: 'Waiting',
        author: null,
        status: 'skipped',
        reason: { kind: 'ci-pending', checks: ['CI / test'] }
      }
    ];
    const [table] = buildRebuildReport(result({ outcomes: more })).tables;
    expect(table?.headers).toEqual(['PR', 'Title', 'Outcome', 'Details']);
    expect(table?.rows.map(r => r.map(plainText))).toEqual([
      ['#12', 'Add redis', 'merged', 'def5678'],
      ['#20', 'Bump chart', 'merged', 'abc1234'],
      ['#14', 'Tune redis', 'conflict', 'conflict with #12 in apps/redis.yaml'],
      ['#11', 'Also red', 'CI failing', 'CI failing: CI / lint'],
      ['#16', 'Flaky', 'CI failing', 'CI failing: CI / test'],
      ['#13', 'Waiting', 'CI pending', 'CI pending: CI / test'],
      ['#15', 'WIP', 'draft', '']
    ]);
  });

  it('marks each outcome with its own icon, merged ones in bold', () => {
    const [table] = buildRebuildReport(result()).tables;
    const outcome = (n: number): Span =>
      table?.rows.find(r => plainText(r[0] ?? '') === `#${n}`)?.[2] as Span;
    expect(outcome(12)).toEqual({ text: 'merged', icon: '✅', strong: true });
    expect(outcome(14)).toMatchObject({ text: 'conflict', icon: '⚠️', strong: false });
    expect(outcome(16)).toMatchObject({ text: 'CI failing', icon: '❌' });
    expect(outcome(15)).toMatchObject({ text: 'draft', icon: '📝' });
    const icons = new Set([12, 14, 15, 16].map(n => outcome(n).icon));
    expect(icons.size).toBe(4);
  });

  it('links PR numbers, merged commits and the checks behind a CI verdict', () => {
    const [table] = buildRebuildReport(result(), links).tables;
    const row = (n: number): Text[] =>
      table?.rows.find(r => plainText(r[0] ?? '') === `#${n}`) ?? [];
    const repo = 'https://github.example.com/octo/gitops';
    expect(row(12)[0]).toEqual({ text: '#12', href: `${repo}/pull/12` });
    expect(row(12)[3]).toEqual({
      text: 'def5678',
      code: true,
      href: `${repo}/commit/def5678000000000000000000000000000000012`
    });
    expect(row(16)[3]).toEqual({ text: 'CI failing: CI / test', href: `${repo}/pull/16/checks` });
    // The title is the PR's own text, never markup or a link of its own.
    expect(row(12)[1]).toBe('Add redis');
  });

  it('shows the Author column only when an outcome carries an author', () => {
    const withAuthor: PrOutcome & { author: string } = { ...outcomes[0], author: 'octocat' };
    const [table] = buildRebuildReport(result({ outcomes: [withAuthor, outcomes[3]] })).tables;
    expect(table?.headers).toEqual(['PR', 'Title', 'Author', 'Outcome', 'Details']);
    expect(table?.rows.map(r => plainText(r[2] ?? ''))).toEqual(['octocat', '']);
  });

  it('folds the table of an unchanged run under its counts', () => {
    const unchanged = buildRebuildReport(result({ result: 'unchanged', fastPath: true }));
    expect(unchanged.tables[0]?.folded).toBe('5 open pull request(s): 2 merged, 3 skipped');
    expect(unchanged.notes).toEqual([
      { text: 'Inputs unchanged since the last build: nothing fetched, merged or pushed.' }
    ]);
    expect(buildRebuildReport(result()).tables[0]?.folded).toBeUndefined();
  });

  it('says there is nothing to stage when no PR is open', () => {
    const report = buildRebuildReport(result({ outcomes: [] }));
    expect(report.tables).toEqual([]);
    expect(report.notes).toEqual([{ text: 'No open pull requests to main.' }]);
    expect(report.headline).toBe('Pushed staging: 0 merged, 0 skipped');
  });

  it('renders as text a person can scan', () => {
    const text = renderText(buildRebuildReport(result(), links));
    expect(text).toContain('Pushed staging: 2 merged, 3 skipped');
    expect(text).toMatch(/^#14 +Tune redis +conflict +conflict with #12 in apps\/redis\.yaml$/m);
    // No icons or URLs in a terminal's columns.
    expect(text).not.toContain('✅');
    expect(text).not.toContain('https://');
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
