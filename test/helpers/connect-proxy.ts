// A tiny HTTP proxy on 127.0.0.1 for proxy-settings tests: it tunnels CONNECT requests and
// forwards absolute-URI requests, sending every host to 127.0.0.1 (same port), so a made-up host
// name stands for a fake server that a client could not reach without the proxy. It logs what
// arrived, with the Proxy-Authorization header. Self-contained, like the fakes.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

export interface ProxiedRequest {
  /** `CONNECT` or the forwarded request's method. */
  method: string;
  /** `host:port` as the client asked for it. */
  target: string;
  proxyAuthorization: string | undefined;
}

export interface ConnectProxy {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  log: ProxiedRequest[];
  close(): Promise<void>;
}

function portOf(target: string): number {
  return Number(/:(\d+)$/.exec(target)?.[1] ?? 80);
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const log: ProxiedRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    // A forwarded request: `GET http://host:port/path`.
    const url = new URL(req.url ?? '/');
    log.push({
      method: req.method ?? 'GET',
      target: url.host,
      proxyAuthorization: req.headers['proxy-authorization']
    });
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: portOf(url.host),
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    log.push({ method: 'CONNECT', target, proxyAuthorization: req.headers['proxy-authorization'] });
    const upstream = net.connect(portOf(target), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    close: () => {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      return new Promise(resolve => server.close(() => resolve()));
    }
  };
}
