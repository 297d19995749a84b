// `npm run bench:server`: messages per second and send-to-delivery latency of the built reference server, with 16
// and 64 concurrent senders, on embedded SQLite (one instance), PostgreSQL (one instance) and PostgreSQL (two
// instances). Each sender owns a conversation, streams it from one instance and sends through the next, so with two
// instances every message crosses LISTEN/NOTIFY. PostgreSQL: DATABASE_URL, or a throw-away cluster on port 55433.
//   npm run bench:server [-- --seconds 5 --senders 16,64 --engines sqlite,postgres]
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshDatabase } from './postgres-database.mjs';
import { ensureBuilt } from './start.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/)));
const SECONDS = Number(args.seconds ?? 5);
const SENDERS = (args.senders ?? '16,64').split(',').map(Number);
const ENGINES = (args.engines ?? 'sqlite,postgres').split(',');
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4402);
const AGENT_TOKEN = 'bench-agent-token-0123456789';
const agentPool = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(port, method, path, { token, body } = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolvePromise, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent: agentPool, headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
      } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolvePromise({ status: res.statusCode, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Opens an event stream and calls onMessage(message) for each message event. */
function stream(port, appPath, token, onMessage) {
  return new Promise((resolvePromise, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: appPath, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let split;
        while ((split = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          if (block.includes('event: ready')) resolvePromise(req);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (block.includes('event: message') && data) onMessage(JSON.parse(data.slice(6)));
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function startInstance(port, dataDir, databaseUrl) {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), join(root, 'dist-server/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DIRECT_CHAT_DATA_DIR: dataDir,
      DIRECT_CHAT_AGENT_TOKEN: AGENT_TOKEN,
      DIRECT_CHAT_RATE_LIMIT: '100000000',
      DIRECT_CHAT_MAX_STREAMS_PER_IP: '100000',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('READY ')) resolvePromise();
    });
    child.once('exit', (code) => reject(new Error(`server on ${port} exited with ${code}`)));
  });
  return child;
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(ports, senders) {
  const conversations = [];
  for (let i = 0; i < senders; i++) {
    const streamPort = ports[i % ports.length];
    const sendPort = ports[(i + 1) % ports.length];
    const visitor = await request(sendPort, 'POST', '/api/apps/demo_app/visitors', { body: { locale: 'en' } });
    const token = visitor.body.visitorToken;
    const session = await request(sendPort, 'POST', '/api/apps/demo_app/sessions', { token, body: {} });
    conversations.push({ token, sessionId: session.body.session.id, streamPort, sendPort });
  }
  const sentAt = new Map();
  const latencies = [];
  let measuring = false;
  let delivered = 0;
  const streams = await Promise.all(
    conversations.map(({ token, sessionId, streamPort }) =>
      stream(streamPort, `/api/apps/demo_app/sessions/${sessionId}/events`, token, (message) => {
        const started = sentAt.get(message.clientId);
        if (started === undefined) return;
        sentAt.delete(message.clientId);
        if (!measuring) return;
        delivered++;
        latencies.push(performance.now() - started);
      }),
    ),
  );
  let stop = false;
  const sendLoop = async ({ token, sessionId, sendPort }) => {
    let n = 0;
    while (!stop) {
      const clientId = `b-${randomBytes(6).toString('hex')}-${n++}`;
      sentAt.set(clientId, performance.now());
      const answer = await request(sendPort, 'POST', `/api/apps/demo_app/sessions/${sessionId}/messages`, {
        token,
        body: { clientId, text: `bench message ${n}` },
      });
      if (answer.status !== 201) throw new Error(`send answered ${answer.status}`);
    }
  };
  const loops = conversations.map(sendLoop);
  await new Promise((r) => setTimeout(r, 1000)); // warm-up
  measuring = true;
  const startedAt = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const elapsed = (performance.now() - startedAt) / 1000;
  stop = true;
  await Promise.all(loops);
  for (const req of streams) req.destroy();
  latencies.sort((x, y) => x - y);
  return { rate: delivered / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function postgresUrl() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  const cluster = join(root, 'scripts/postgres-cluster.sh');
  const started = spawnSync('bash', [cluster, 'start', '55433'], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
  return { url: started.stdout.trim(), stop: () => spawnSync('bash', [cluster, 'stop', '55433']) };
}

async function main() {
  if (!ensureBuilt(['server'], 'inherit')) process.exit(1);
  const setups = [
    { name: 'SQLite, one instance', instances: 1, postgres: false },
    { name: 'PostgreSQL, one instance', instances: 1, postgres: true },
    { name: 'PostgreSQL, two instances', instances: 2, postgres: true },
  ].filter((setup) => ENGINES.includes(setup.postgres ? 'postgres' : 'sqlite'));
  const postgres = ENGINES.includes('postgres') ? await postgresUrl() : { stop: () => {} };
  const rows = [];
  try {
    for (const setup of setups) {
      for (const senders of SENDERS) {
        const scratch = mkdtempSync(join(tmpdir(), 'direct-chat-bench-'));
        const databaseUrl = setup.postgres ? await createFreshDatabase(postgres.url, 'bench_') : undefined;
        const ports = Array.from({ length: setup.instances }, (_, i) => BASE_PORT + i);
        const children = [];
        try {
          for (const port of ports) children.push(await startInstance(port, scratch, databaseUrl));
          const result = await run(ports, senders);
          rows.push({ setup: setup.name, senders, ...result });
          console.error(`${setup.name}, ${senders} senders: ${result.rate.toFixed(0)} msg/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
        } finally {
          for (const child of children) child.kill('SIGTERM');
          await Promise.all(children.map((child) => new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)))));
          rmSync(scratch, { recursive: true, force: true });
        }
      }
    }
  } finally {
    postgres.stop();
    agentPool.destroy();
  }
  console.log('\n| setup | senders | messages/s | send→delivery p50 | p99 |\n|---|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(`| ${row.setup} | ${row.senders} | ${row.rate.toFixed(0)} | ${row.p50.toFixed(1)} ms | ${row.p99.toFixed(1)} ms |`);
  }
}

await main();
