// Any failure of a client-node call, turned into an error that carries the API server's own
// message (its `Status`), or says that the server could not be reached.
import { ApiException } from '@kubernetes/client-node';
import { errorMessage } from '../util/errors.js';

export class KubernetesError extends Error {
  status?: number;
  reason?: string;

  constructor(message: string, status?: number, reason?: string) {
    super(message);
    this.name = 'KubernetesError';
    if (status !== undefined) this.status = status;
    if (reason !== undefined) this.reason = reason;
  }
}

interface StatusBody {
  kind?: unknown;
  message?: unknown;
  reason?: unknown;
}

function parseStatus(body: unknown): StatusBody | null {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  return typeof value === 'object' && value !== null ? value : null;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT'
]);

interface ErrorLike {
  message: string;
  code?: unknown;
  cause?: unknown;
}

// Duck-typed: socket errors come from Node's own realm, where `instanceof Error` can be false.
function errorLike(value: unknown): value is ErrorLike {
  return (
    typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string'
  );
}

// fetch wraps the socket error as `TypeError: fetch failed` with the real reason in `cause`.
function networkCause(err: unknown): ErrorLike | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && errorLike(current); depth++) {
    if (typeof current.code === 'string' && NETWORK_CODES.has(current.code)) return current;
    current = current.cause;
  }
  if (errorLike(err) && err.message === 'fetch failed') {
    return errorLike(err.cause) ? err.cause : err;
  }
  return null;
}

/** Any failure of a client-node call, as a KubernetesError a user can act on. */
export function toKubernetesError(err: unknown, server: string): KubernetesError {
  if (err instanceof KubernetesError) return err;
  if (err instanceof ApiException) {
    const code = (err as ApiException<unknown>).code;
    const status = parseStatus((err as ApiException<unknown>).body);
    if (status && typeof status.message === 'string' && status.message !== '') {
      const reason = typeof status.reason === 'string' ? status.reason : undefined;
      return new KubernetesError(status.message, code, reason);
    }
    if (code === 401) {
      return new KubernetesError(
        `Unauthorized: the Kubernetes API server at ${server} rejected the credentials (HTTP 401)`,
        401,
        'Unauthorized'
      );
    }
    const raw = (err as ApiException<unknown>).body;
    const text = typeof raw === 'string' ? raw.slice(0, 200) : '';
    return new KubernetesError(
      `The Kubernetes API server at ${server} answered HTTP ${code}${text ? `: ${text}` : ''}`,
      code
    );
  }
  const cause = networkCause(err);
  if (cause) {
    const wrapped = new KubernetesError(
      `Cannot reach the Kubernetes API server at ${server}: ${errorMessage(cause)}`
    );
    wrapped.cause = err;
    return wrapped;
  }
  const wrapped = new KubernetesError(
    `Kubernetes request to ${server} failed: ${errorMessage(err)}`
  );
  wrapped.cause = err;
  return wrapped;
}
