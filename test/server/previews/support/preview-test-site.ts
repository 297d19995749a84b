import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { pixelBombPng, samplePng } from './test-images';

/**
 * A real web site on loopback for the preview fetcher: pages with and without metadata, redirects (also to
 * private addresses), huge and compressed bodies, slow answers, wrong content types, and the images they name.
 */
export interface PreviewTestSite {
  origin: string;
  port: number;
  /** Every request the site received, in order. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export interface Page {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export const ARTICLE_TITLE = 'Spring collection: linen shirts';

const html = (head: string, body = '<p>Hello</p>') =>
  `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const page = (text: string, headers: Record<string, string> = {}): Page => ({
  headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  body: text,
});
const redirect = (location: string, headers: Record<string, string> = {}): Page => ({
  status: 302,
  headers: { location, ...headers },
});

async function pages(origin: string): Promise<Record<string, Page | ((request: IncomingMessage, response: ServerResponse) => void)>> {
  const photo = await samplePng();
  return {
    '/article': page(
      html(`<title>Ignored when og:title exists</title>
        <meta property="og:title" content="  ${ARTICLE_TITLE}\n ">
        <meta property="og:description" content="Light shirts\u202e for warm days.\u0007 Free returns.">
        <meta property="og:site_name" content="Demo Shop">
        <meta property="og:image" content="/images/photo.png">`),
    ),
    '/plain': page(html('<title>Plain &amp; simple</title><meta name="description" content="Only HTML metadata.">')),
    '/twitter': page(html('<meta name="twitter:title" content="Tweeted"><meta name="twitter:image" content="images/photo.png">')),
    '/bare': page(html('', '<h1>No title anywhere</h1>')),
    '/image-private': page(html(`<meta property="og:title" content="Image on a private host">
        <meta property="og:image" content="http://169.254.169.254/latest/meta-data/photo.png">`)),
    '/image-script': page(html(`<meta property="og:title" content="Script image">
        <meta property="og:image" content="javascript:alert(1)">`)),
    '/latin1': {
      headers: { 'content-type': 'text/html; charset=iso-8859-1' },
      body: Buffer.from(html('<title>Caf\u00e9 cr\u00e8me</title>').replace('utf-8', 'iso-8859-1'), 'latin1'),
    },
    '/huge': page(html(`<title>Huge page</title>`, 'x'.repeat(5 * 1024 * 1024))),
    '/gzip-bomb': {
      headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' },
      body: gzipSync(html('<title>Bomb</title>', ' '.repeat(64 * 1024 * 1024))),
    },
    '/gzip': { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' }, body: gzipSync(html('<title>Zipped</title>')) },
    '/compress': { headers: { 'content-type': 'text/html', 'content-encoding': 'compress' }, body: 'x' },
    '/json': { headers: { 'content-type': 'application/json' }, body: '{"title":"not html"}' },
    '/no-type': { body: html('<title>No content type</title>') },
    '/xhtml': { headers: { 'content-type': 'application/xhtml+xml' }, body: html('<title>XHTML</title>') },
    '/missing': { status: 404, headers: { 'content-type': 'text/html' }, body: html('<title>Not found</title>') },
    '/redirect/1': redirect('/article'),
    '/redirect/2': redirect('/redirect/1'),
    '/redirect/3': redirect(`${origin}/redirect/2`),
    '/redirect/4': redirect('/redirect/3'),
    '/redirect-no-location': { status: 302 },
    '/cookie': redirect('/echo', { 'set-cookie': 'session=secret; Path=/' }),
    '/echo': page(html('<title>Echo</title>')),
    '/to': (request, response) => {
      response.writeHead(302, { location: new URL(request.url ?? '/', origin).searchParams.get('u') ?? '/' });
      response.end();
    },
    '/slow-headers': () => {},
    '/slow-body': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<!doctype html><html><head><title>Slow');
      const timer = setInterval(() => response.write(' '), 200);
      response.on('close', () => clearInterval(timer));
    },
    '/images/photo.png': { headers: { 'content-type': 'image/png' }, body: photo },
    '/images/huge.png': { headers: { 'content-type': 'image/png' }, body: Buffer.concat([photo, Buffer.alloc(3 * 1024 * 1024)]) },
    '/images/fake.png': { headers: { 'content-type': 'image/png' }, body: html('<title>Not an image</title>') },
    '/images/photo.svg': { headers: { 'content-type': 'image/svg+xml' }, body: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
    '/images/bomb.png': { headers: { 'content-type': 'image/png' }, body: await pixelBombPng(100_000, 100_000) },
  };
}

/** Starts the site on 127.0.0.1 (an ephemeral port unless given), over HTTPS when given a key and certificate. */
export async function startPreviewTestSite(options: { port?: number; tls?: { key: string; cert: string } } = {}): Promise<PreviewTestSite> {
  const requests: PreviewTestSite['requests'] = [];
  let routes: Awaited<ReturnType<typeof pages>> = {};
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    requests.push({ path, headers: request.headers });
    const route = routes[path];
    if (typeof route === 'function') return route(request, response);
    const answer = route ?? { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    response.writeHead(answer.status ?? 200, answer.headers ?? {});
    response.end(answer.body);
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  const port = await listen(server, options.port ?? 0, '127.0.0.1');
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  routes = await pages(origin);
  return { origin, port, requests, close: () => closeServer(server) };
}

/** A TCP server that accepts connections and never says anything (a TLS handshake that never completes). */
export async function startSilentServer(host = '127.0.0.1', port = 0): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let count = 0;
  const server = createTcpServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  const bound = await listen(server, port, host);
  return {
    port: bound,
    connections: () => count,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return closeServer(server);
    },
  };
}

function listen(server: TcpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: { close(callback: () => void): unknown; closeAllConnections?: () => void }): Promise<void> {
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}
