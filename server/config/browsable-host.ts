/** A host a browser on this machine can open: a wildcard bind address becomes the loopback address. */
export function browsableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
