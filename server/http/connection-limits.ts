import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { clientKey } from './client-key';
import { NO_PROXIES, type ProxyCheck } from './trusted-proxies';

/**
 * At most `perClient` open connections from one client (an IPv4 address or an IPv6 /64); one more is dropped on
 * arrival, before it can send anything. The whole server's cap is Node's server.maxConnections. Trusted proxies carry
 * many clients' connections and are held only to that overall cap.
 */
export function limitConnectionsPerClient(server: Server, perClient: number, isTrustedProxy: ProxyCheck = NO_PROXIES): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    if (socket.remoteAddress !== undefined && isTrustedProxy(socket.remoteAddress)) return;
    const key = clientKey(socket.remoteAddress);
    const count = open.get(key) ?? 0;
    if (count >= perClient) {
      socket.destroy();
      return;
    }
    open.set(key, count + 1);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left === 0) open.delete(key);
      else open.set(key, left);
    });
  });
}
