import { describe, expect, it } from '@jest/globals';
import type { V1CronJob, V1Job, V1Pod } from '@kubernetes/client-node';
import { failureReasons, jobOutcome, latestJob } from '../../../src/kube/job-state.js';
import { groupStaged, type DefaultVersion } from '../../../src/status/staged.js';
import { judge } from '../../../src/sweep/verdict.js';

const SHA = '4f2c'.repeat(10);

function cronJob(
  name: string,
  labels: Record<string, string>,
  extra: { applied?: string; status?: V1CronJob['status']; suspend?: boolean } = {}
): V1CronJob {
  return {
    metadata: {
      name,
      uid: `uid-${name}`,
      labels: { 'app.kubernetes.io/managed-by': 'staging-action', ...labels },
      creationTimestamp: new Date('2025-01-01T00:00:00Z'),
      managedFields: [
        { manager: 'kubectl', operation: 'Update', time: new Date('2025-01-09T00:00:00Z') },
        ...(extra.applied
          ? [{ manager: 'staging-action', operation: 'Apply', time: new Date(extra.applied) }]
          : [])
      ]
    },
    spec: {
      schedule: '15 */6 * * *',
      suspend: extra.suspend ?? false,
      jobTemplate: {
        spec: {
          template: {
            spec: {
              initContainers: [{ name: 'log-shipper', image: 'fluent-bit:3' }],
              containers: [{ name: 'pipeline', image: `ghcr.io/acme/pipelines:${SHA}` }]
            }
          }
        }
      }
    },
    ...(extra.status ? { status: extra.status } : {})
  };
}

const labels = (datasetId: string, version: string, kind: string): Record<string, string> => ({
  'staging-action/dataset': datasetId,
  'staging-action/version': version,
  'staging-action/kind': kind
});

function job(name: string, owner: string, created: string, conditions: string[] = []): V1Job {
  return {
    metadata: {
      name,
      creationTimestamp: new Date(created),
      ownerReferences: [
        { apiVersion: 'batch/v1', kind: 'CronJob', name: owner, uid: `uid-${owner}` }
      ]
    },
    status: { conditions: conditions.map(type => ({ type, status: 'True' })) }
  };
}

describe('Job state', () => {
  it('reads Complete as succeeded, Failed as failed, anything else as running', () => {
    expect(jobOutcome(job('a', 'c', '2025-01-01T00:00:00Z', ['Complete']))).toBe('succeeded');
    expect(jobOutcome(job('a', 'c', '2025-01-01T00:00:00Z', ['SuccessCriteriaMet']))).toBe(
      'succeeded'
    );
    expect(jobOutcome(job('a', 'c', '2025-01-01T00:00:00Z', ['FailureTarget', 'Failed']))).toBe(
      'failed'
    );
    expect(jobOutcome(job('a', 'c', '2025-01-01T00:00:00Z', ['Suspended']))).toBe('running');
    expect(jobOutcome(job('a', 'c', '2025-01-01T00:00:00Z'))).toBe('running');
  });

  it('takes the most recently created Job as the latest', () => {
    const jobs = [
      job('b', 'c', '2025-01-02T00:00:00Z'),
      job('a', 'c', '2025-01-03T00:00:00Z'),
      job('z', 'c', '2025-01-01T00:00:00Z')
    ];
    expect(latestJob(jobs)?.metadata?.name).toBe('a');
    expect(latestJob([])).toBeNull();
  });

  it("says why a Job failed: its condition, then each pod's failed containers", () => {
    const failed: V1Job = {
      metadata: { name: 'j' },
      status: {
        conditions: [
          {
            type: 'Failed',
            status: 'True',
            reason: 'BackoffLimitExceeded',
            message: 'Job has reached the specified backoff limit'
          }
        ]
      }
    };
    const pods: V1Pod[] = [
      {
        metadata: { name: 'j-b' },
        status: {
          containerStatuses: [
            {
              name: 'pipeline',
              image: 'i',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: {
                waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "i"' }
              }
            }
          ]
        }
      },
      {
        metadata: { name: 'j-a' },
        status: {
          initContainerStatuses: [
            {
              name: 'log-shipper',
              image: 's',
              imageID: '',
              ready: true,
              restartCount: 0,
              state: { running: {} }
            }
          ],
          containerStatuses: [
            {
              name: 'pipeline',
              image: 'i',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: { terminated: { exitCode: 2, reason: 'Error', message: 'no such dataset\n' } }
            }
          ]
        }
      }
    ];
    expect(failureReasons(failed, pods)).toEqual([
      'BackoffLimitExceeded: Job has reached the specified backoff limit',
      'pod j-a, container pipeline: exited 2 (Error): no such dataset',
      'pod j-b, container pipeline: ImagePullBackOff: Back-off pulling image "i"'
    ]);
  });
});

const NOAA_UPDATE = 'staging-noaa-v0-3-0-update';
const NOAA_VALIDATE = 'staging-noaa-v0-3-0-validate';
const NOAA_OLD = 'staging-noaa-v0-2-5-update';
const ECMWF = 'staging-ecmwf-v0-3-0-update';

function inventory(
  branches: string[] | null,
  defaults: Record<string, DefaultVersion> = {
    noaa: { version: '0.2.0' },
    ecmwf: { version: '0.3.0' }
  }
): ReturnType<typeof groupStaged> {
  return groupStaged({
    cronJobs: [
      cronJob(NOAA_VALIDATE, labels('noaa', '0.3.0', 'validate'), {
        applied: '2025-01-10T00:00:00Z'
      }),
      cronJob(ECMWF, labels('ecmwf', '0.3.0', 'update'), { applied: '2025-01-05T00:00:00.500Z' }),
      cronJob(NOAA_UPDATE, labels('noaa', '0.3.0', 'update'), {
        applied: '2025-01-08T00:00:00Z',
        suspend: true,
        status: {
          lastScheduleTime: new Date('2025-01-10T06:15:00Z'),
          lastSuccessfulTime: new Date('2025-01-10T00:20:00Z'),
          active: [{ kind: 'Job', name: 'x' }]
        }
      }),
      cronJob(NOAA_OLD, labels('noaa', '0.2.5', 'update')),
      cronJob('not-ours-any-more', { 'staging-action/dataset': 'noaa' }),
      cronJob('bad-version', labels('noaa', 'v1', 'update'))
    ],
    jobs: [
      job('j1', NOAA_UPDATE, '2025-01-10T00:15:00Z', ['Complete']),
      job('j2', NOAA_UPDATE, '2025-01-10T06:15:00Z', ['Failed']),
      job('j3', ECMWF, '2025-01-10T06:15:00Z')
    ],
    branches: branches === null ? null : new Set(branches),
    defaultVersions: new Map(Object.entries(defaults))
  });
}

describe('groupStaged', () => {
  it('groups CronJobs by dataset and version, sorted, with their runs, images and deploy times', () => {
    const { versions, unlabelled } = inventory(['stage/noaa/v0.3.0', 'stage/ecmwf/v0.3.0']);
    expect(versions.map(v => [v.datasetId, v.version, v.cronJobs.map(c => c.name)])).toEqual([
      ['ecmwf', '0.3.0', [ECMWF]],
      ['noaa', '0.2.5', [NOAA_OLD]],
      ['noaa', '0.3.0', [NOAA_UPDATE, NOAA_VALIDATE]]
    ]);
    expect(unlabelled).toEqual(['bad-version', 'not-ours-any-more']);
    const noaa = versions[2];
    expect(noaa).toMatchObject({
      branch: 'stage/noaa/v0.3.0',
      branchExists: true,
      defaultVersion: '0.2.0',
      promoted: false,
      // The latest apply by staging-action of any of its CronJobs (kubectl's later edit is not a deploy).
      deployedAt: '2025-01-10T00:00:00Z'
    });
    expect(noaa?.cronJobs[0]).toEqual({
      name: NOAA_UPDATE,
      kind: 'update',
      schedule: '15 */6 * * *',
      suspended: true,
      lastScheduleTime: '2025-01-10T06:15:00Z',
      lastSuccessfulTime: '2025-01-10T00:20:00Z',
      active: 1,
      latestJob: { name: 'j2', outcome: 'failed' },
      image: `ghcr.io/acme/pipelines:${SHA}`,
      commit: SHA,
      deployedAt: '2025-01-08T00:00:00Z'
    });
    expect(noaa?.cronJobs[1]?.latestJob).toBeNull();
    // Without an apply by staging-action: when it was created.
    expect(versions[1]?.deployedAt).toBe('2025-01-01T00:00:00Z');
    expect(versions[0]).toMatchObject({ promoted: true, deployedAt: '2025-01-05T00:00:00Z' });
    expect(versions[0]?.cronJobs[0]?.latestJob).toEqual({ name: 'j3', outcome: 'running' });
  });

  it('shows the full identity and the staged commit from the annotations deploy writes', () => {
    const staged = cronJob('staging-x-v1-0-0-update', labels('noaa', '1.0.0', 'update'));
    staged.metadata!.annotations = {
      'staging-action/dataset': 'noaa',
      'staging-action/version': '1.0.0',
      'staging-action/kind': 'update',
      'staging-action/commit': 'b'.repeat(40)
    };
    const container = staged.spec.jobTemplate.spec!.template.spec!.containers[0];
    container.image = 'ghcr.io/acme/pipelines:release-7';
    const { versions } = groupStaged({
      cronJobs: [staged],
      jobs: [],
      branches: null,
      defaultVersions: new Map()
    });
    expect(versions.map(v => [v.datasetId, v.version])).toEqual([['noaa', '1.0.0']]);
    expect(versions[0]?.cronJobs[0]).toMatchObject({ kind: 'update', commit: 'b'.repeat(40) });
  });

  it('says "unknown" (null), never "gone" or "not promoted", for facts it could not read', () => {
    const { versions } = inventory(null, { noaa: { unknown: 'no origin/main' } });
    expect(versions.map(v => [v.branchExists, v.promoted, v.defaultVersion])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null]
    ]);
  });
});

describe('judge (sweep verdicts)', () => {
  const now = '2025-01-20T00:00:00Z';
  const versions = inventory(['stage/noaa/v0.3.0', 'stage/ecmwf/v0.3.0']).versions;
  const [ecmwf, noaaOld, noaa] = versions as [
    (typeof versions)[0],
    (typeof versions)[0],
    (typeof versions)[0]
  ];

  it('retires the orphaned and the promoted, keeps the live, with the reason for each', () => {
    const options = { maxAgeMs: null, now, defaultBranch: 'main' };
    expect(judge(noaaOld, options)).toEqual({
      verdict: 'orphaned',
      reason: 'branch stage/noaa/v0.2.5 no longer exists'
    });
    expect(judge(ecmwf, options)).toEqual({
      verdict: 'promoted',
      reason: 'main carries version 0.3.0'
    });
    expect(judge(noaa, options)).toEqual({
      verdict: 'live',
      reason: 'branch exists; main has 0.2.0; deployed 10d ago'
    });
  });

  it('expires a version deployed longer ago than max-age, and only then', () => {
    expect(judge(noaa, { maxAgeMs: 7 * 86_400_000, now, defaultBranch: 'main' })).toEqual({
      verdict: 'expired',
      reason: 'deployed 10d ago, longer than max-age 7d'
    });
    expect(judge(noaa, { maxAgeMs: 11 * 86_400_000, now, defaultBranch: 'main' }).verdict).toBe(
      'live'
    );
  });

  it('never retires a version on a fact it could not read', () => {
    for (const v of inventory(null, {}).versions) {
      expect(judge(v, { maxAgeMs: null, now, defaultBranch: 'main' })).toEqual({
        verdict: 'live',
        reason: expect.stringMatching(/^branch unknown; promotion unknown; deployed/) as unknown
      });
    }
  });
});
