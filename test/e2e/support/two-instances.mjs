// The e2e server for the two-instance run: two reference server processes on one fresh PostgreSQL database, behind
// a small round-robin proxy on PORT, so consecutive requests of one page (and its reconnecting event stream) land
// on different instances. Started by playwright.two-instances.config.ts; ends its children when it is stopped.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createFreshDatabase } from '../../../scripts/postgres-database.mjs';

const port = Number(process.env.PORT);
const adminUrl = process.env.DIRECT_CHAT_TEST_POSTGRES_URL;
const upstreams = [port + 2, port + 3];

function startInstance(instancePort, databaseUrl) {
  const child = spawn(process.execPath, ['dist-server/main.js'], {
    env: { ...process.env, PORT: String(instancePort), DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/^READY /m.test(output)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`instance on ${instancePort} exited with ${code}: ${output}`)));
  });
}

function forward(request, response, upstreamPort) {
  const upstream = http.request(
    { host: '127.0.0.1', port: upstreamPort, method: request.method, path: request.url, headers: request.headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', () => (response.headersSent ? response.destroy() : response.writeHead(502).end()));
  response.on('close', () => upstream.destroy());
  request.pipe(upstream);
  return upstream;
}

const databaseUrl = await createFreshDatabase(adminUrl, 'dc_e2e_');
const children = [];
for (const instancePort of upstreams) children.push(await startInstance(instancePort, databaseUrl));
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

let next = 0;
http
  .createServer((request, response) => {
    // Fault injection must cut the streams of the whole deployment, not of whichever instance the call reaches.
    if (request.method === 'POST' && request.url === '/api/agent/debug/drop-streams') {
      let pending = upstreams.length;
      for (const upstreamPort of upstreams) {
        const call = http.request({ host: '127.0.0.1', port: upstreamPort, method: 'POST', path: request.url, headers: request.headers }, (answer) => {
          answer.resume();
          if (--pending === 0) response.writeHead(answer.statusCode ?? 204).end();
        });
        call.end();
      }
      request.resume();
      return;
    }
    forward(request, response, upstreams[next++ % upstreams.length]);
  })
  .listen(port, '127.0.0.1');
