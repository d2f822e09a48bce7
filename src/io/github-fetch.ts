// What @actions/github's `getOctokitOptions` and `defaults` gave the client, without loading
// @actions/github: its utils import undici (1 MB bundled) at the top, which cost every run about
// 0.1 s of start-up (actions/toolkit#1621). Here the proxy is decided with @actions/http-client's
// own rules (`getProxyUrl`, a module without undici), and undici is loaded only when a proxy
// applies: its ProxyAgent is what sends a request through one.
import { getProxyUrl } from '@actions/http-client/lib/proxy';

/** `token <token>`, as @actions/github's getAuthString builds it. */
export function authString(token: string): string {
  if (!token) throw new Error('Parameter token or opts.auth is required');
  return `token ${token}`;
}

/** The user agent with the runner's orchestration id, as @actions/github appends it. */
export function userAgentWithOrchestrationId(userAgent: string): string {
  const id = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  if (!id) return userAgent;
  const tag = `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}`;
  return userAgent.includes(tag) ? userAgent : `${userAgent} ${tag}`;
}

/**
 * The fetch for requests to `baseUrl`: Node's own when no proxy applies (no `*_proxy` variable,
 * or `no_proxy` or a loopback address bypasses it), else undici's fetch through a ProxyAgent
 * built as @actions/http-client's `_getProxyAgentDispatcher` builds it (credentials of the proxy
 * URL as a Basic token, no pipelining).
 */
export function githubFetch(baseUrl: string): typeof fetch {
  const proxy = getProxyUrl(new URL(baseUrl));
  if (!proxy?.hostname) return globalThis.fetch;
  const token =
    proxy.username || proxy.password
      ? `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}`
      : undefined;
  let agent: import('undici').ProxyAgent | undefined;
  return async (input, init) => {
    const undici = await import('undici');
    agent ??= new undici.ProxyAgent({
      uri: proxy.href,
      pipelining: 0,
      ...(token ? { token } : {})
    });
    const response = await undici.fetch(input as Parameters<typeof undici.fetch>[0], {
      ...(init as Parameters<typeof undici.fetch>[1]),
      dispatcher: agent
    });
    return response as unknown as Response;
  };
}

/**
 * Node loads its own fetch (undici) at the first request: about 50 ms of CPU on a 2-core runner.
 * A caller about to wait on something else (rebuild: its git checks) loads it now, so the first
 * request does not wait for it.
 */
export function preloadFetch(): void {
  // Headers is one of the globals Node defines lazily with fetch: constructing one loads them.
  new Headers();
}
