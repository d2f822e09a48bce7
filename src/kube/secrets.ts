// What of a kubeconfig must be masked in the job log: its credentials. Masking every line (as
// before) turned `apiVersion: v1`, `kind: Config` and `namespace: default` into `***` wherever
// they appeared for the rest of the job. Kept apart from the client so rebuild's mode table
// entry does not load client-node.
import { parse } from 'yaml';

// Credential fields of kubeconfig users and auth providers: token, id-token, refresh-token,
// access-token, client-secret, password, client-key-data, client-certificate-data,
// certificate-authority-data, and files' contents in any extension that names them so.
const SECRET_KEY = /token|secret|password|passwd|key|cert|credential/i;

function collect(node: unknown, key: string | null, out: Set<string>): void {
  if (typeof node === 'string') {
    if (key !== null && SECRET_KEY.test(key) && node.trim() !== '') out.add(node.trim());
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) collect(item, key, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const entries = Object.entries(node as Record<string, unknown>);
  // An exec plugin's `env: [{ name, value }]` carries credentials under any name.
  const isEnvEntry = key === 'env' && 'name' in node && 'value' in node;
  for (const [k, v] of entries) collect(v, isEnvEntry && k === 'value' ? 'credential' : k, out);
}

/** The values to mask for a kubeconfig; every line when it cannot be read as YAML. */
export function kubeconfigSecrets(content: string | null): string[] {
  if (content === null || content.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = parse(content);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return content
      .split('\n')
      .map(l => l.trim())
      .filter(l => l !== '');
  }
  const out = new Set<string>();
  collect(parsed, null, out);
  return [...out];
}
