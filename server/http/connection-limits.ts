import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { clientKey } from './client-key';

/**
 * At most `perClient` open connections from one client (an IPv4 address or an IPv6 /64); one more is dropped on
 * arrival, before it can send anything. The whole server's cap is Node's server.maxConnections.
 */
export function limitConnectionsPerClient(server: Server, perClient: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
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
