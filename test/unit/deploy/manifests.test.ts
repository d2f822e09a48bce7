import { describe, expect, it } from '@jest/globals';
import type { V1CronJob } from '@kubernetes/client-node';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { ValidationError } from '../../../src/dataset/errors.js';
import { imageRepository } from '../../../src/dataset/image.js';
import { stagingSelector } from '../../../src/dataset/labels.js';
import {
  buildStagingCronJobs,
  stagedNamesOf,
  type StagingInput
} from '../../../src/dataset/manifests.js';
import { id, ver } from './arbitraries.js';

const DATASET = id('noaa-gfs-forecast');
const IMAGE = 'ghcr.io/org/reformatters:3f2c1e9';

function production(kind: string, overrides: (cj: V1CronJob) => void = () => {}): V1CronJob {
  const cronJob: V1CronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name: `${DATASET}-${kind}`,
      namespace: 'prod',
      uid: '1234',
      resourceVersion: '99',
      generation: 3,
      creationTimestamp: new Date('2024-01-01T00:00:00Z'),
      managedFields: [{ manager: 'kubectl' }],
      labels: { app: 'reformatters', 'staging-action/kind': 'wrong' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"huge":"blob"}',
        owner: 'data-team'
      }
    },
    spec: {
      schedule: '0 * * * *',
      jobTemplate: {
        metadata: { labels: { team: 'data' } },
        spec: {
          template: {
            metadata: { labels: { pod: 'yes' } },
            spec: {
              restartPolicy: 'Never',
              initContainers: [{ name: 'setup', image: 'ghcr.io/org/reformatters:old' }],
              containers: [
                {
                  name: 'main',
                  image: 'ghcr.io/org/reformatters:old',
                  env: [
                    { name: 'CRON_JOB_NAME', value: `${DATASET}-${kind}` },
                    { name: 'OTHER', value: 'x' }
                  ]
                },
                { name: 'sidecar', image: 'busybox:1.36', env: [{ name: 'OTHER', value: 'y' }] }
              ]
            }
          }
        }
      }
    },
    status: { lastScheduleTime: new Date('2024-01-02T00:00:00Z') }
  };
  overrides(cronJob);
  return cronJob;
}

function input(overrides: Partial<StagingInput> = {}): StagingInput {
  return {
    prefix: 'staging',
    namespace: 'datasets',
    datasetId: DATASET,
    version: ver('0.3.0'),
    image: IMAGE,
    productionCronJobs: [
      { source: 'deploy/update.yaml', cronJob: production('update') },
      { source: 'deploy/validate.yaml', cronJob: production('validate') },
      { source: 'deploy/archive.yaml', cronJob: production('archive-grib-files') }
    ],
    scheduleOffsetMinutes: 0,
    ...overrides
  };
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.message;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

function podSpec(cronJob: V1CronJob) {
  const spec = cronJob.spec.jobTemplate.spec?.template.spec;
  if (spec === undefined) throw new Error('no pod spec');
  return spec;
}

describe('buildStagingCronJobs', () => {
  it('stages every kind of the dataset, named after prefix, id, version and kind', () => {
    const staged = buildStagingCronJobs(input());
    expect(staged.map(s => [s.name, s.kind, s.source])).toEqual([
      [
        'staging-noaa-gfs-forecast-v0-3-0-archive-grib-files',
        'archive-grib-files',
        'deploy/archive.yaml'
      ],
      ['staging-noaa-gfs-forecast-v0-3-0-update', 'update', 'deploy/update.yaml'],
      ['staging-noaa-gfs-forecast-v0-3-0-validate', 'validate', 'deploy/validate.yaml']
    ]);
    for (const s of staged) {
      expect(s.manifest.metadata?.name).toBe(s.name);
      expect(s.manifest.metadata?.namespace).toBe('datasets');
      expect(s.image).toBe(IMAGE);
    }
  });

  it('produces manifests that pass the Kubernetes schema', () => {
    for (const { manifest } of buildStagingCronJobs(input())) {
      expect(() =>
        new CronJob(
          JSON.parse(JSON.stringify(manifest)) as ConstructorParameters<typeof CronJob>[0]
        ).validate()
      ).not.toThrow();
    }
  });

  it('puts the staged image in matching containers and init containers only', () => {
    const [update] = buildStagingCronJobs(
      input({ productionCronJobs: [{ source: 's', cronJob: production('update') }] })
    );
    const spec = podSpec(update.manifest);
    expect(spec.initContainers?.map(c => c.image)).toEqual([IMAGE]);
    expect(spec.containers.map(c => c.image)).toEqual([IMAGE, 'busybox:1.36']);
  });

  it('keeps registry ports apart from tags when matching the repository', () => {
    const cronJob = production('update', cj => {
      podSpec(cj).initContainers = [{ name: 'other', image: 'localhost:5000/app-tools:1' }];
      podSpec(cj).containers[0].image = 'localhost:5000/app@sha256:' + 'a'.repeat(64);
    });
    const image = 'localhost:5000/app:newsha';
    const [staged] = buildStagingCronJobs(
      input({ image, productionCronJobs: [{ source: 's', cronJob }] })
    );
    const spec = podSpec(staged.manifest);
    expect(spec.containers[0]?.image).toBe(image);
    expect(spec.initContainers?.[0]?.image).toBe('localhost:5000/app-tools:1');
  });

  it('treats Docker Hub spellings of one repository as the same', () => {
    const cronJob = production('update', cj => {
      podSpec(cj).containers[0].image = 'docker.io/library/python:3.12';
    });
    const [staged] = buildStagingCronJobs(
      input({ image: 'python:3.13', productionCronJobs: [{ source: 's', cronJob }] })
    );
    expect(podSpec(staged.manifest).containers[0]?.image).toBe('python:3.13');
  });

  it('refuses an image of another repository than the production image', () => {
    const message = messageOf(() =>
      buildStagingCronJobs(input({ image: 'ghcr.io/org/other:abc' }))
    );
    expect(message).toContain('The staged image ghcr.io/org/other:abc is not an image of');
    expect(message).toContain('ghcr.io/org/reformatters, the repository');
  });

  it("refuses a sidecar's image instead of swapping the sidecar", () => {
    // Every CronJob runs busybox too, but as its second container: the worker's image is production.
    const message = messageOf(() => buildStagingCronJobs(input({ image: 'busybox:latest' })));
    expect(message).toContain('The staged image busybox:latest is not an image of');
    expect(message).toContain('ghcr.io/org/reformatters');
  });

  it('takes the one repository all CronJobs share, whatever container comes first', () => {
    const archive = production('archive-grib-files', cj => {
      podSpec(cj).containers.reverse();
      podSpec(cj).containers[0].image = 'redis:7';
    });
    const staged = buildStagingCronJobs(
      input({
        productionCronJobs: [
          { source: 'a.yaml', cronJob: production('update') },
          { source: 'b.yaml', cronJob: archive }
        ]
      })
    );
    expect(staged.map(s => podSpec(s.manifest).containers.map(c => c.image))).toEqual([
      ['redis:7', IMAGE],
      [IMAGE, 'busybox:1.36']
    ]);
  });

  it('refuses when the production CronJobs share no image repository', () => {
    const other = production('validate', cj => {
      podSpec(cj).containers = [{ name: 'main', image: 'ghcr.io/org/elsewhere:1' }];
    });
    const message = messageOf(() =>
      buildStagingCronJobs(
        input({
          productionCronJobs: [
            { source: 'a.yaml', cronJob: production('update') },
            { source: 'b.yaml', cronJob: other }
          ]
        })
      )
    );
    expect(message).toContain('share no container image repository');
    expect(message).toContain(
      'CronJob "noaa-gfs-forecast-validate" (from b.yaml): ghcr.io/org/elsewhere:1'
    );
  });

  it('rewrites CRON_JOB_NAME only in containers that set it', () => {
    const cronJob = production('update', cj => {
      podSpec(cj).initContainers = [
        {
          name: 'setup',
          image: 'ghcr.io/org/reformatters:old',
          env: [{ name: 'CRON_JOB_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]
        }
      ];
    });
    const [staged] = buildStagingCronJobs(
      input({ productionCronJobs: [{ source: 's', cronJob }] })
    );
    const spec = podSpec(staged.manifest);
    const name = 'staging-noaa-gfs-forecast-v0-3-0-update';
    expect(spec.initContainers?.[0]?.env).toEqual([{ name: 'CRON_JOB_NAME', value: name }]);
    expect(spec.containers[0]?.env).toEqual([
      { name: 'CRON_JOB_NAME', value: name },
      { name: 'OTHER', value: 'x' }
    ]);
    expect(spec.containers[1]?.env).toEqual([{ name: 'OTHER', value: 'y' }]);
  });

  it('labels the CronJob, its Jobs and its pods so cleanup finds every kind', () => {
    const [archive] = buildStagingCronJobs(input());
    const ours = {
      'app.kubernetes.io/managed-by': 'staging-action',
      'staging-action/dataset': DATASET,
      'staging-action/version': '0.3.0',
      'staging-action/kind': 'archive-grib-files'
    };
    const manifest = archive.manifest;
    expect(manifest.metadata?.labels).toEqual({ app: 'reformatters', ...ours });
    expect(manifest.spec.jobTemplate.metadata?.labels).toEqual({ team: 'data', ...ours });
    expect(manifest.spec.jobTemplate.spec?.template.metadata?.labels).toEqual({
      pod: 'yes',
      ...ours
    });
  });

  it('annotates where the deploy comes from, leaving out what is unknown', () => {
    const sha = 'a'.repeat(40);
    const trace = {
      commit: sha,
      branch: 'stage/noaa-gfs-forecast/v0.3.0',
      runUrl: 'https://github.com/acme/pipelines/actions/runs/42'
    };
    const [traced] = buildStagingCronJobs(input({ trace }));
    expect(traced?.manifest.metadata?.annotations).toMatchObject({
      'staging-action/commit': sha,
      'staging-action/branch': 'stage/noaa-gfs-forecast/v0.3.0',
      'staging-action/run-url': 'https://github.com/acme/pipelines/actions/runs/42',
      'staging-action/source': 'noaa-gfs-forecast-archive-grib-files'
    });
    const [local] = buildStagingCronJobs(
      input({ trace: { ...trace, commit: null, runUrl: null } })
    );
    const annotations = local?.manifest.metadata?.annotations ?? {};
    expect(annotations['staging-action/branch']).toBe('stage/noaa-gfs-forecast/v0.3.0');
    expect(annotations).not.toHaveProperty(['staging-action/commit']);
    expect(annotations).not.toHaveProperty(['staging-action/run-url']);
  });

  it('stages a suspended production CronJob suspended, and says so', () => {
    const staged = buildStagingCronJobs(
      input({
        productionCronJobs: [
          {
            source: 's',
            cronJob: production('update', cj => {
              cj.spec.suspend = true;
            })
          },
          { source: 's', cronJob: production('validate') }
        ]
      })
    );
    expect(staged.map(s => [s.kind, s.suspended, s.manifest.spec.suspend])).toEqual([
      ['update', true, true],
      ['validate', false, undefined]
    ]);
  });

  it('records the production source and drops server-set fields', () => {
    const [update] = buildStagingCronJobs(
      input({ productionCronJobs: [{ source: 's', cronJob: production('update') }] })
    );
    const manifest = update.manifest;
    expect(manifest.metadata?.annotations).toEqual({
      owner: 'data-team',
      'staging-action/source': 'noaa-gfs-forecast-update',
      // The full identity, which a label could not hold if it were over 63 characters.
      'staging-action/dataset': DATASET,
      'staging-action/version': '0.3.0',
      'staging-action/kind': 'update'
    });
    for (const field of [
      'uid',
      'resourceVersion',
      'generation',
      'creationTimestamp',
      'managedFields'
    ]) {
      expect(manifest.metadata).not.toHaveProperty(field);
    }
    expect(manifest).not.toHaveProperty('status');
  });

  it('leaves the production objects untouched', () => {
    const cronJob = production('update');
    const before = structuredClone(cronJob);
    buildStagingCronJobs(
      input({ productionCronJobs: [{ source: 's', cronJob }], scheduleOffsetMinutes: 7 })
    );
    expect(cronJob).toEqual(before);
  });

  it('applies the schedule offset and reports the result', () => {
    const staged = buildStagingCronJobs(input({ scheduleOffsetMinutes: 10 }));
    expect(staged.map(s => s.schedule)).toEqual(['10 * * * *', '10 * * * *', '10 * * * *']);
    expect(staged[0]?.manifest.spec.schedule).toBe('10 * * * *');
  });

  it('names the CronJob whose schedule cannot be offset', () => {
    const cronJob = production('update', cj => {
      cj.spec.schedule = '*/15 * * * *';
    });
    const message = messageOf(() =>
      buildStagingCronJobs(
        input({
          productionCronJobs: [{ source: 'deploy/u.yaml', cronJob }],
          scheduleOffsetMinutes: 5
        })
      )
    );
    expect(message).toMatch(
      /^CronJob "noaa-gfs-forecast-update" \(from deploy\/u\.yaml\): Cannot offset/
    );
  });

  it('refuses two production CronJobs of the same kind', () => {
    const message = messageOf(() =>
      buildStagingCronJobs(
        input({
          productionCronJobs: [
            { source: 'a.yaml', cronJob: production('update') },
            { source: 'b.yaml', cronJob: production('update') }
          ]
        })
      )
    );
    expect(message).toContain(
      '(from a.yaml) and "noaa-gfs-forecast-update" (from b.yaml) both have the kind "update"'
    );
  });

  it('shortens a staging name over 52 characters instead of refusing it', () => {
    const names = buildStagingCronJobs(input({ prefix: 'staging-environment' })).map(
      s => s.manifest.metadata?.name ?? ''
    );
    const name = names.find(n => n.endsWith('-validate')) ?? '';
    for (const n of names) expect(n.length).toBeLessThanOrEqual(52);
    // The full name would be "staging-environment-noaa-gfs-forecast-v0-3-0-validate" (53).
    expect(name).toMatch(/^staging-environment-noaa-gf-[0-9a-f]{8}-v0-3-0-validate$/);
    expect(name.length).toBeLessThanOrEqual(52);
  });

  it('refuses a production CronJob of another dataset', () => {
    const cronJob = production('update', cj => {
      cj.metadata!.name = 'ecmwf-update';
    });
    expect(
      messageOf(() =>
        buildStagingCronJobs(input({ productionCronJobs: [{ source: 's', cronJob }] }))
      )
    ).toContain('"ecmwf-update" of dataset "noaa-gfs-forecast" matches no kind rule');
  });

  it('names Indexed CronJobs so that every pod hostname fits 63 characters', () => {
    const cronJob = production('update', cj => {
      cj.spec.jobTemplate.spec!.completionMode = 'Indexed';
      cj.spec.jobTemplate.spec!.completions = 100;
    });
    const [short] = buildStagingCronJobs(input({ productionCronJobs: [{ source: 's', cronJob }] }));
    expect(short?.manifest.metadata?.name).toBe('staging-noaa-gfs-forecast-v0-3-0-update');
    const long = production('archive-grib-files', cj => {
      cj.spec.jobTemplate.spec!.completionMode = 'Indexed';
      cj.spec.jobTemplate.spec!.completions = 100;
    });
    const [staged] = buildStagingCronJobs(
      input({ productionCronJobs: [{ source: 's', cronJob: long }] })
    );
    const name = staged?.manifest.metadata?.name ?? '';
    // {name}-{10-digit job time}-99 must be a DNS-1123 label: the name gets 49 characters.
    expect(`${name}-${'9'.repeat(10)}-99`.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^staging-noaa-g-[0-9a-f]{8}-v0-3-0-archive-grib-files$/);
  });

  it('refuses an Indexed CronJob whose kind has a dot (pod hostnames cannot)', () => {
    const cronJob = production('update.daily', cj => {
      cj.spec.jobTemplate.spec!.completionMode = 'Indexed';
      cj.spec.jobTemplate.spec!.completions = 2;
    });
    expect(
      messageOf(() =>
        buildStagingCronJobs(input({ productionCronJobs: [{ source: 's', cronJob }] }))
      )
    ).toContain('runs Indexed Jobs with 2 completions');
  });

  it('refuses an image without a tag or digest', () => {
    expect(
      messageOf(() => buildStagingCronJobs(input({ image: 'ghcr.io/org/reformatters' })))
    ).toContain('expected {repository}:{tag}');
  });

  it('refuses an empty list of production CronJobs', () => {
    expect(messageOf(() => buildStagingCronJobs(input({ productionCronJobs: [] })))).toContain(
      'No production CronJobs found for dataset "noaa-gfs-forecast"'
    );
  });
});

describe('imageRepository', () => {
  it.each([
    ['ghcr.io/org/app:abc', 'ghcr.io/org/app'],
    ['localhost:5000/x:tag', 'localhost:5000/x'],
    ['localhost:5000/x', 'localhost:5000/x'],
    ['app@sha256:abcd', 'app'],
    ['registry:5000/a/b:1@sha256:abcd', 'registry:5000/a/b']
  ])('%s → %s', (image, repository) => {
    expect(imageRepository(image)).toBe(repository);
  });
});

describe('stagingSelector', () => {
  it('selects every staged kind of one dataset version', () => {
    expect(stagingSelector(DATASET, ver('0.3.0-rc.1'))).toBe(
      'app.kubernetes.io/managed-by=staging-action,staging-action/dataset=noaa-gfs-forecast,' +
        'staging-action/version=0.3.0-rc.1'
    );
  });
});

describe('staged names that would share a Sentry monitor slug', () => {
  // staging-{28 chars}-v0-3-0-update-a is 52 characters: it fits, but Sentry keeps 50.
  const longId = id('ecmwf-ifs-ens-forecast-0-25d');
  const rename = (kind: string) => (cj: V1CronJob) => {
    cj.metadata = { ...cj.metadata, name: `${longId}-${kind}` };
  };
  const twoKinds = (a: string, b: string): StagingInput =>
    input({
      datasetId: longId,
      version: ver('0.3.0'),
      productionCronJobs: [
        { source: 'a.yaml', cronJob: production(a, rename(a)) },
        { source: 'b.yaml', cronJob: production(b, rename(b)) }
      ]
    });

  it('shortens only the names that would report into one monitor, keeping them distinct there', () => {
    const staged = buildStagingCronJobs(twoKinds('update-a', 'update-b'));
    const names = staged.map(s => s.name);
    expect(`staging-${longId}-v0-3-0-update-a`).toHaveLength(52);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(52);
    expect(new Set(names.map(n => n.slice(0, 50))).size).toBe(2);
    expect(staged.map(s => s.kind).sort()).toEqual(['update-a', 'update-b']);
    // Version and kind stay readable at the end.
    for (const s of staged) expect(s.name.endsWith(`-v0-3-0-${s.kind}`)).toBe(true);
  });

  it('keeps fitting names byte for byte when their first 50 characters already differ', () => {
    const names = buildStagingCronJobs(twoKinds('update', 'validate')).map(s => s.name);
    expect(names.sort()).toEqual([
      `staging-${longId}-v0-3-0-update`,
      `staging-${longId}-v0-3-0-validate`
    ]);
  });

  it('gives cleanup the same names deploy staged', () => {
    const input = twoKinds('update-a', 'update-b');
    const deployed = buildStagingCronJobs(input).map(s => s.name);
    const computed = stagedNamesOf(
      input,
      input.productionCronJobs.map(p => p.cronJob)
    ).map(n => n.name);
    expect(computed.sort()).toEqual(deployed.sort());
  });
});
