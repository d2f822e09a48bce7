// Which cluster to talk to: a kubeconfig given as content, else the usual places.
import { KubeConfig } from '@kubernetes/client-node';
import { errorMessage } from '../util/errors.js';

/**
 * A kubeconfig from `content` (YAML), else from KUBECONFIG, ~/.kube/config or the in-cluster
 * service account. Throws when none of them names a cluster to talk to.
 */
export function loadKubeConfig(content?: string): KubeConfig {
  const kc = new KubeConfig();
  if (content !== undefined && content.trim() !== '') {
    try {
      kc.loadFromString(content);
    } catch (err) {
      throw new Error(`The kubeconfig given is not valid: ${errorMessage(err)}`, { cause: err });
    }
    if (!kc.getCurrentCluster()) {
      throw new Error(
        'The kubeconfig given has no usable current-context (it must name a context whose cluster is defined)'
      );
    }
    return kc;
  }
  try {
    kc.loadFromDefault();
  } catch (err) {
    const source = process.env.KUBECONFIG
      ? `KUBECONFIG (${process.env.KUBECONFIG})`
      : '~/.kube/config or the in-cluster service account';
    throw new Error(`Cannot load the kubeconfig from ${source}: ${errorMessage(err)}`, {
      cause: err
    });
  }
  // loadFromDefault falls back to an unauthenticated http://localhost:8080 when it finds nothing.
  const cluster = kc.getCurrentCluster();
  if (!cluster || (kc.getCurrentContext() === 'loaded-context' && cluster.name === 'cluster')) {
    throw new Error(
      'No Kubernetes configuration found: pass a kubeconfig, set KUBECONFIG, provide ~/.kube/config, or run inside a cluster'
    );
  }
  return kc;
}
