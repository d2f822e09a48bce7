// Discovery documents: what client libraries read before they call a group's resources.
import { FLUX_GROUP, type KubeObject, type Reply } from './types.ts';

function groupDoc(name: string): KubeObject {
  const gv = { groupVersion: `${name}/v1`, version: 'v1' };
  return { name, versions: [gv], preferredVersion: gv };
}

const RESOURCES: Record<string, KubeObject[]> = {
  'batch/v1': [
    {
      name: 'cronjobs',
      singularName: 'cronjob',
      namespaced: true,
      kind: 'CronJob',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['cj'],
      categories: ['all']
    },
    {
      name: 'cronjobs/status',
      singularName: '',
      namespaced: true,
      kind: 'CronJob',
      verbs: ['get', 'patch', 'update']
    }
  ],
  [`${FLUX_GROUP}/v1`]: [
    {
      name: 'gitrepositories',
      singularName: 'gitrepository',
      namespaced: true,
      kind: 'GitRepository',
      verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
      shortNames: ['gitrepo'],
      categories: ['fluxcd']
    },
    {
      name: 'gitrepositories/status',
      singularName: '',
      namespaced: true,
      kind: 'GitRepository',
      verbs: ['get', 'patch', 'update']
    }
  ]
};

export function discovery(path: string, hostPort: string): Reply | null {
  switch (path) {
    case '/version':
      return {
        status: 200,
        body: {
          major: '1',
          minor: '33',
          gitVersion: 'v1.33.0-fake',
          gitCommit: '0000000000000000000000000000000000000000',
          gitTreeState: 'clean',
          buildDate: '2025-01-01T00:00:00Z',
          goVersion: 'go1.24.0',
          compiler: 'gc',
          platform: 'linux/amd64'
        }
      };
    case '/api':
      return {
        status: 200,
        body: {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: hostPort }]
        }
      };
    case '/api/v1':
      return {
        status: 200,
        body: { kind: 'APIResourceList', groupVersion: 'v1', resources: [] }
      };
    case '/apis':
      return {
        status: 200,
        body: {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: [groupDoc('batch'), groupDoc(FLUX_GROUP)]
        }
      };
  }
  for (const group of ['batch', FLUX_GROUP]) {
    if (path === `/apis/${group}`) {
      return { status: 200, body: { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group) } };
    }
    if (path === `/apis/${group}/v1`) {
      return {
        status: 200,
        body: {
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: `${group}/v1`,
          resources: RESOURCES[`${group}/v1`]
        }
      };
    }
  }
  return null;
}
