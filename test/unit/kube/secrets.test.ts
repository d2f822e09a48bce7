// What of a kubeconfig the job log must never show: its credentials, not its structure.
import { describe, expect, it } from '@jest/globals';
import { kubeconfigSecrets } from '../../../src/kube/secrets.js';

const KUBECONFIG = `apiVersion: v1
kind: Config
current-context: staging
preferences: {}
clusters:
  - name: staging
    cluster:
      server: https://k8s.example.com
      certificate-authority-data: Q0EtREFUQQ==
contexts:
  - name: staging
    context: { cluster: staging, user: deployer, namespace: default }
users:
  - name: deployer
    user:
      token: sa-token-123456
      client-certificate-data: Q0VSVC1EQVRB
      client-key-data: S0VZLURBVEE=
  - name: basic
    user:
      username: admin
      password: hunter22
  - name: oidc
    user:
      auth-provider:
        name: oidc
        config:
          client-secret: oidc-secret
          id-token: eyJ.id.token
          refresh-token: refresh-me
  - name: exec
    user:
      exec:
        command: aws
        args: [eks, get-token]
        env:
          - name: AWS_SECRET_ACCESS_KEY
            value: aws-secret-value
`;

describe('kubeconfigSecrets', () => {
  it('masks tokens, keys, certificates and passwords', () => {
    expect(kubeconfigSecrets(KUBECONFIG).sort()).toEqual(
      [
        'Q0EtREFUQQ==',
        'sa-token-123456',
        'Q0VSVC1EQVRB',
        'S0VZLURBVEE=',
        'hunter22',
        'oidc-secret',
        'eyJ.id.token',
        'refresh-me',
        'aws-secret-value'
      ].sort()
    );
  });

  it('leaves the structure readable in the log', () => {
    const secrets = kubeconfigSecrets(KUBECONFIG);
    for (const plain of ['v1', 'Config', 'default', 'staging', 'https://k8s.example.com', 'aws']) {
      expect(secrets).not.toContain(plain);
    }
    expect(secrets.join('\n')).not.toMatch(/apiVersion|kind:|namespace/);
  });

  it('masks every line of something that is not YAML, rather than nothing', () => {
    expect(kubeconfigSecrets('{ not: yaml: at all\ntoken-ish line')).toEqual([
      '{ not: yaml: at all',
      'token-ish line'
    ]);
  });

  it('has nothing to mask without a kubeconfig', () => {
    expect(kubeconfigSecrets(null)).toEqual([]);
    expect(kubeconfigSecrets('')).toEqual([]);
  });
});
