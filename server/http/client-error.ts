import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { FallbackPage } from '../static/page-fallback';

/**
 * Requests Node cannot parse never reach the app: headers (the address included) over maxHeaderSize, a malformed
 * request line. Node would answer a bare 431/400 that the browser shows as its own error page; this answers with the
 * chat page instead, whose assets load normally and show its translated screen. Timeouts stay a plain 408.
 */
export function answerUnparsableRequests(server: Server, fallbackPage: () => Promise<FallbackPage | undefined>, log: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end(rawResponse(408, {}, Buffer.alloc(0)));
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    log.info({ status, code: error.code }, 'unparsable request');
    fallbackPage()
      .then((page) => {
        if (!socket.writable) return socket.destroy();
        const body = page?.body ?? Buffer.from(STATUS_CODES[status] ?? 'Bad Request');
        socket.end(rawResponse(status, page?.headers ?? { 'Content-Type': 'text/plain; charset=utf-8' }, body));
      })
      .catch(() => socket.destroy());
  });
}

function rawResponse(status: number, headers: Readonly<Record<string, string>>, body: Buffer): Buffer {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  lines.push(`Content-Length: ${body.length}`, 'Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}
