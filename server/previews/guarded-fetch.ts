import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { FetchRefusal } from './fetch-refusal';
import { checkTarget, systemResolver, type CheckedTarget, type HostResolver } from './fetch-target';
import { pinnedLookup } from './pinned-lookup';
import { readLimitedBody } from './read-limited-body';
import { ALLOW_NOTHING, type UnfurlAllowList } from './unfurl-allow';

export const CONNECT_TIMEOUT_MS = 2_000;
export const TOTAL_TIMEOUT_MS = 5_000;
export const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'DirectChatLinkPreview/1.0 (+https://github.com/direct-chat)';

export interface GuardedFetchOptions {
  /** Media types accepted (lower case, no parameters); anything else is refused before its body is read. */
  accept: readonly string[];
  maxBytes: number;
  overflow: 'truncate' | 'refuse';
  allow?: UnfurlAllowList;
  resolve?: HostResolver;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** Extra trusted certificates (tests' own HTTPS site); the system's roots are always trusted. */
  ca?: string;
}

export interface FetchedResource {
  /** The URL that answered, after redirects. */
  url: string;
  mediaType: string;
  charset?: string;
  body: Buffer;
  truncated: boolean;
}

/**
 * GET that cannot be pointed at the server's own network: every hop (the first URL and each of at most three
 * redirects) is checked by checkTarget and connected to exactly the addresses that were checked. No cookies, no
 * credentials, no connection reuse; about 2 s to connect, about 5 s for everything, a bounded body.
 */
export async function guardedFetch(address: string, options: GuardedFetchOptions): Promise<FetchedResource> {
  const deadline = AbortSignal.timeout(options.totalTimeoutMs ?? TOTAL_TIMEOUT_MS);
  try {
    let url = parseUrl(address, 'unsupported_scheme');
    for (let redirects = 0; ; redirects++) {
      const target = await checkTarget(url, options.allow ?? ALLOW_NOTHING, options.resolve ?? systemResolver);
      deadline.throwIfAborted();
      const response = await request(target, options, deadline);
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (redirects === MAX_REDIRECTS) throw new FetchRefusal('too_many_redirects');
        url = parseUrl(location, 'bad_redirect', url);
        continue;
      }
      return await accept(url, response, options);
    }
  } catch (error) {
    if (deadline.aborted && !(error instanceof FetchRefusal && error.reason !== 'network')) {
      throw new FetchRefusal('timeout');
    }
    if (error instanceof FetchRefusal) throw error;
    throw new FetchRefusal('network', (error as Error).message);
  }
}

function parseUrl(value: string, reason: 'unsupported_scheme' | 'bad_redirect', base?: URL): URL {
  try {
    return new URL(value, base);
  } catch {
    throw new FetchRefusal(reason, 'not a URL');
  }
}

async function accept(url: URL, response: IncomingMessage, options: GuardedFetchOptions): Promise<FetchedResource> {
  if (response.statusCode !== 200) {
    response.destroy();
    throw new FetchRefusal('status', String(response.statusCode));
  }
  const [mediaType, ...parameters] = (response.headers['content-type'] ?? '').split(';').map((part) => part.trim());
  if (!options.accept.includes(mediaType.toLowerCase())) {
    response.destroy();
    throw new FetchRefusal('content_type', mediaType || 'none');
  }
  const charset = parameters.find((part) => /^charset=/i.test(part))?.slice(8).replace(/"/g, '');
  const { body, truncated } = await readLimitedBody(response, options.maxBytes, options.overflow);
  return { url: url.href, mediaType: mediaType.toLowerCase(), charset, body, truncated };
}

function request(target: CheckedTarget, options: GuardedFetchOptions, deadline: AbortSignal): Promise<IncomingMessage> {
  const secure = target.url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const outgoing = (secure ? https : http).request({
      hostname: target.host,
      port: target.port,
      path: target.url.pathname + target.url.search,
      method: 'GET',
      agent: false,
      lookup: pinnedLookup(target.addresses),
      signal: deadline,
      ca: secure && options.ca ? [...rootCertificates, options.ca] : undefined,
      headers: {
        'user-agent': USER_AGENT,
        accept: options.accept.join(', '),
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    outgoing.on('socket', (socket) => {
      const timer = setTimeout(
        () => outgoing.destroy(new FetchRefusal('connect_timeout')),
        options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
      );
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    outgoing.on('response', resolve);
    outgoing.on('error', reject);
    outgoing.end();
  });
}
