// When a staged CronJob was deployed: a new commit gets a new time, a re-run of the same commit
// keeps the first one, so a redeploy changes nothing on the cluster.
import { describe, expect, it } from '@jest/globals';
import type { StagedCronJob } from '../../../src/dataset/manifests.js';
import { deployTime, stampDeployTime } from '../../../src/dataset/trace.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const NOW = new Date('2026-12-03T12:00:00.000Z');
const EARLIER = '2026-12-01T08:30:00.000Z';

function liveMeta(commit: string, deployedAt: string | null = EARLIER) {
  return {
    name: 'staging-x-v1-0-0-update',
    annotations: {
      'staging-action/commit': commit,
      ...(deployedAt === null ? {} : { 'staging-action/deployed-at': deployedAt })
    }
  };
}

describe('deployTime', () => {
  it('is now for a CronJob not staged yet', () => {
    expect(deployTime(undefined, A, NOW)).toBe('2026-12-03T12:00:00.000Z');
  });

  it('keeps the live time when the same commit is deployed again', () => {
    expect(deployTime(liveMeta(A), A, NOW)).toBe(EARLIER);
  });

  it('is now for a new commit, an unknown commit, or a live time that is missing or garbled', () => {
    expect(deployTime(liveMeta(A), B, NOW)).toBe(NOW.toISOString());
    expect(deployTime(liveMeta(A), null, NOW)).toBe(NOW.toISOString());
    expect(deployTime(liveMeta(A, null), A, NOW)).toBe(NOW.toISOString());
    expect(deployTime(liveMeta(A, 'yesterday-ish'), A, NOW)).toBe(NOW.toISOString());
  });
});

describe('stampDeployTime', () => {
  const staged = (name: string): StagedCronJob => ({
    name,
    kind: 'update' as StagedCronJob['kind'],
    source: 's',
    productionName: 'x-update',
    schedule: '0 * * * *',
    image: 'img',
    suspended: false,
    manifest: {
      metadata: { name, annotations: { keep: 'me' } },
      spec: { schedule: '0 * * * *', jobTemplate: {} }
    }
  });

  it('annotates each CronJob with its own time, without touching the input', () => {
    const input = [staged('staging-x-v1-0-0-update'), staged('staging-x-v1-0-0-validate')];
    const out = stampDeployTime(input, [{ metadata: liveMeta(A) }], A, NOW);
    expect(out.map(s => s.manifest.metadata?.annotations)).toEqual([
      { keep: 'me', 'staging-action/deployed-at': EARLIER },
      { keep: 'me', 'staging-action/deployed-at': NOW.toISOString() }
    ]);
    expect(input[0]?.manifest.metadata?.annotations).toEqual({ keep: 'me' });
  });
});
