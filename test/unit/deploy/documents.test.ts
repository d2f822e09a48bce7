import { describe, expect, it } from '@jest/globals';
import { parseCronJobDocuments, readVersion } from '../../../src/dataset/config.js';
import { ConfigError } from '../../../src/dataset/errors.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

function cronJobYaml(name: string, extra = ''): string {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: main
              image: ghcr.io/org/app:abc
${extra}`;
}

describe('readVersion', () => {
  const zarrJson = JSON.stringify({ zarr_format: 3, attributes: { dataset_version: '0.3.0' } });

  it('reads a dotted key from a JSON file', () => {
    expect(readVersion(zarrJson, 'template/zarr.json', 'attributes.dataset_version')).toBe('0.3.0');
  });

  it('reads a YAML file, indexing lists with numbers', () => {
    const text = 'versions:\n  - name: current\n    value: "1.2.0-rc.1"\n';
    expect(readVersion(text, 'template.yaml', 'versions.0.value')).toBe('1.2.0-rc.1');
  });

  it('names the file, the key and what is there when the key is missing', () => {
    expect(messageOf(() => readVersion(zarrJson, 'template/zarr.json', 'attributes.version'))).toBe(
      'template/zarr.json: version key "attributes.version" not found: attributes has no ' +
        '"version" (keys there: dataset_version). Fix version-key in the staging config or the file.'
    );
  });

  it('does not follow object built-ins', () => {
    expect(messageOf(() => readVersion('{}', 'a.json', 'constructor.name'))).toContain(
      'the top level has no "constructor"'
    );
  });

  it('refuses a non-string version and explains the YAML number trap', () => {
    const message = messageOf(() => readVersion('version: 1.10\n', 'template.yml', 'version'));
    expect(message).toContain('template.yml: version must be a non-empty string version');
    expect(message).toContain('found a number (1.1)');
    expect(message).toContain('quote versions');
  });

  it('reports invalid JSON with the file', () => {
    expect(messageOf(() => readVersion('{"a": }', 'zarr.json', 'a'))).toMatch(
      /^zarr\.json: invalid JSON: /
    );
  });
});

describe('parseCronJobDocuments', () => {
  it('returns every CronJob of a multi-document file, ignoring empty documents', () => {
    const text = `---\n${cronJobYaml('ds-update')}---\n---\n${cronJobYaml('ds-validate')}---\n`;
    const names = parseCronJobDocuments(text, 'deploy/x.yaml').map(c => c.metadata?.name);
    expect(names).toEqual(['ds-update', 'ds-validate']);
  });

  it('flattens kind: List and reads JSON', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'ds-a' }, spec: spec() },
        { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'ds-b' }, spec: spec() }
      ]
    };
    const names = parseCronJobDocuments(JSON.stringify(list), 'out.json').map(
      c => c.metadata?.name
    );
    expect(names).toEqual(['ds-a', 'ds-b']);
  });

  it('returns nothing for an empty file', () => {
    expect(parseCronJobDocuments('', 'deploy/x.yaml')).toEqual([]);
  });

  it('names the document that is not a CronJob', () => {
    const text = `${cronJobYaml('ds-update')}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n`;
    expect(messageOf(() => parseCronJobDocuments(text, 'deploy/x.yaml'))).toContain(
      'document 2 of deploy/x.yaml is a Deployment, not a batch/v1 CronJob'
    );
  });

  it('names the List item that is not a CronJob', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n';
    expect(messageOf(() => parseCronJobDocuments(text, 'cmd output'))).toContain(
      'item 1 of document 1 of cmd output is a ConfigMap'
    );
  });

  it('asks to move an old CronJob apiVersion to batch/v1', () => {
    const text = cronJobYaml('ds-update').replace('batch/v1', 'batch/v1beta1');
    expect(messageOf(() => parseCronJobDocuments(text, 'x.yaml'))).toBe(
      'document 1 of x.yaml is a batch/v1beta1 CronJob, not a batch/v1 CronJob: change its apiVersion to batch/v1.'
    );
  });

  it('rejects CronJobs missing what staging needs', () => {
    const noName = cronJobYaml('ds-update').replace('  name: ds-update\n', '  labels: {}\n');
    expect(messageOf(() => parseCronJobDocuments(noName, 'x.yaml'))).toContain(
      'without metadata.name'
    );
    const noContainers = cronJobYaml('ds-update').split('          containers:')[0] ?? '';
    expect(messageOf(() => parseCronJobDocuments(noContainers, 'x.yaml'))).toContain(
      'has no spec.jobTemplate.spec.template.spec.containers list'
    );
  });

  it('reports broken YAML with the file and the line', () => {
    const text = `${cronJobYaml('ds-update')}---\nkind: CronJob\nmetadata:\n  name: [broken\n`;
    const message = messageOf(() => parseCronJobDocuments(text, 'deploy/x.yaml'));
    expect(message).toMatch(/^deploy\/x\.yaml: invalid YAML at line 1[89], column \d+: /);
  });
});

function spec(): Record<string, unknown> {
  return {
    schedule: '0 * * * *',
    jobTemplate: { spec: { template: { spec: { containers: [{ name: 'm', image: 'a:b' }] } } } }
  };
}
