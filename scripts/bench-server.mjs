// `npm run bench:server`: messages per second and send-to-delivery latency of the built reference server, with 16
// and 64 concurrent senders, on embedded SQLite (one instance), PostgreSQL (one instance) and PostgreSQL (two
// instances). Each sender owns a conversation, streams it from one instance and sends through the next, so with two
// instances every message crosses LISTEN/NOTIFY. PostgreSQL: DATABASE_URL, or a throw-away cluster on
// port 55433 (BENCH_POSTGRES_PORT). Each measurement sends for --warmup seconds before its --seconds count: new
// server processes take that long to reach their steady rate (the JIT, the pool's connections, each database
// connection's caches), and two instances, each with half the traffic, take longest.
//   npm run bench:server [-- --warmup 10 --seconds 5 --senders 16,64 --engines sqlite,postgres --runs 3
//                           --baseline DIR --baseline-engines sqlite,postgres]
// --baseline DIR also measures the built server of another checkout (e.g. an older commit in a git worktree) on
// SQLite (--baseline-engines sqlite,postgres: on both), alternating with this one in the same window; --runs repeats
// everything and reports medians and ratios.
// BENCH_NODE_ARGS passes flags to the servers' node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFreshDatabase } from './postgres-database.mjs';
import { ensureBuilt } from './start.mjs';
import { AGENT_TOKEN, startReferenceServer } from './support/reference-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((pair) => pair.trim().split(/\s+/)));
const SECONDS = Number(args.seconds ?? 5);
const WARMUP_SECONDS = Number(args.warmup ?? 10);
const SENDERS = (args.senders ?? '16,64').split(',').map(Number);
const ENGINES = (args.engines ?? 'sqlite,postgres').split(',');
const RUNS = Number(args.runs ?? 1);
const BASELINE = args.baseline ? resolve(args.baseline) : undefined;
const BASELINE_ENGINES = (args['baseline-engines'] ?? 'sqlite').split(',');
const engineOf = (setup) => (setup.postgres ? 'postgres' : 'sqlite');
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4402);
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const SERVER_ENV = { DIRECT_CHAT_RATE_LIMIT: '100000000', DIRECT_CHAT_MAX_STREAMS_PER_IP: '100000' };
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

/** CPU seconds a process has used (Linux /proc; NaN elsewhere). Clock ticks are 1/100 s on Linux. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(ports, senders, pids) {
  // All senders set up at once, so each holds its own keep-alive connection before the clock starts. Node (libuv
  // 1.45 and later) accepts one connection per event-loop turn, and a turn under load runs every request that is
  // ready: 64 connections opened in the same instant mid-run would wait seconds in the accept queue and measure
  // that storm rather than messages.
  const conversations = await Promise.all(
    Array.from({ length: senders }, async (_, i) => {
      const streamPort = ports[i % ports.length];
      const sendPort = ports[(i + 1) % ports.length];
      const visitor = await request(sendPort, 'POST', '/api/apps/demo_app/visitors', { body: { locale: 'en' } });
      const token = visitor.body.visitorToken;
      const session = await request(sendPort, 'POST', '/api/apps/demo_app/sessions', { token, body: {} });
      return { token, sessionId: session.body.session.id, streamPort, sendPort };
    }),
  );
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
  await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
  measuring = true;
  const startedAt = performance.now();
  const cpuAtStart = pids.map(cpuSeconds);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const elapsed = (performance.now() - startedAt) / 1000;
  const cpu = pids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - cpuAtStart[i], 0);
  stop = true;
  await Promise.all(loops);
  for (const req of streams) req.destroy();
  latencies.sort((x, y) => x - y);
  // The servers' own CPU time per message holds steady when other work shares the machine; the rate does not.
  return { rate: delivered / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpuMs: (1000 * cpu) / delivered };
}

async function postgresUrl() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  const cluster = join(root, 'scripts/postgres-cluster.sh');
  const port = process.env.BENCH_POSTGRES_PORT ?? '55433';
  const started = spawnSync('bash', [cluster, 'start', port], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
  return { url: started.stdout.trim(), stop: () => spawnSync('bash', [cluster, 'stop', port]) };
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)];

async function measure(setup, senders, postgres) {
  const scratch = mkdtempSync(join(tmpdir(), 'direct-chat-bench-'));
  const env = { ...SERVER_ENV, ...(setup.postgres ? { DATABASE_URL: await createFreshDatabase(postgres.url, 'bench_') } : {}) };
  const ports = Array.from({ length: setup.instances }, (_, i) => BASE_PORT + i);
  const servers = [];
  try {
    for (const port of ports) servers.push(await startReferenceServer(port, { root: setup.root, dataDir: scratch, env, nodeArgs: NODE_ARGS }));
    return await run(ports, senders, servers.map((server) => server.pid));
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  if (!ensureBuilt(['server'], 'inherit')) process.exit(1);
  const setups = [
    { name: 'SQLite, one instance', instances: 1, postgres: false },
    { name: 'PostgreSQL, one instance', instances: 1, postgres: true },
    { name: 'PostgreSQL, two instances', instances: 2, postgres: true },
  ]
    .filter((setup) => ENGINES.includes(engineOf(setup)))
    .flatMap((setup) => (BASELINE && BASELINE_ENGINES.includes(engineOf(setup)) ? [{ ...setup, name: `${setup.name}, baseline`, root: BASELINE }, setup] : [setup]));
  const postgres = ENGINES.includes('postgres') ? await postgresUrl() : { stop: () => {} };
  const results = new Map(); // `${setup.name}|${senders}` → one result per run
  try {
    for (let runIndex = 1; runIndex <= RUNS; runIndex++) {
      for (const senders of SENDERS) {
        for (const setup of setups) {
          const result = await measure(setup, senders, postgres);
          const key = `${setup.name}|${senders}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          console.error(
            `run ${runIndex}, ${setup.name}, ${senders} senders: ${result.rate.toFixed(0)} msg/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, server CPU ${result.cpuMs.toFixed(2)} ms/msg`,
          );
        }
      }
    }
  } finally {
    postgres.stop();
    agentPool.destroy();
  }
  const runsNote = RUNS > 1 ? ` (median of ${RUNS} runs)` : '';
  console.log(`\n| setup | senders | messages/s${runsNote} | send→delivery p50 | p99 | server CPU per message |\n|---|---:|---:|---:|---:|---:|`);
  for (const setup of setups) {
    for (const senders of SENDERS) {
      const runs = results.get(`${setup.name}|${senders}`);
      const [rate, p50, p99, cpuMs] = ['rate', 'p50', 'p99', 'cpuMs'].map((field) => median(runs.map((result) => result[field])));
      console.log(`| ${setup.name} | ${senders} | ${rate.toFixed(0)} | ${p50.toFixed(1)} ms | ${p99.toFixed(1)} ms | ${cpuMs.toFixed(2)} ms |`);
    }
  }
  // Ratios pair each run with the run measured beside it, so a busy moment on a shared machine counts against both.
  const ratios = (over, under, senders) => {
    const top = results.get(`${over}|${senders}`);
    const bottom = results.get(`${under}|${senders}`);
    return top && bottom ? top.map((result, i) => ({ rate: result.rate / bottom[i].rate, cpu: bottom[i].cpuMs / result.cpuMs })) : undefined;
  };
  const comparisons = [
    ['SQLite, one instance', 'SQLite, one instance, baseline'],
    ['PostgreSQL, one instance', 'PostgreSQL, one instance, baseline'],
    ['PostgreSQL, two instances', 'PostgreSQL, two instances, baseline'],
    ['PostgreSQL, one instance', 'SQLite, one instance'],
    ['PostgreSQL, two instances', 'SQLite, one instance'],
  ];
  for (const senders of SENDERS) {
    for (const [over, under] of comparisons) {
      const paired = ratios(over, under, senders);
      if (!paired) continue;
      const rates = paired.map((ratio) => ratio.rate);
      const cpu = paired.map((ratio) => ratio.cpu);
      console.log(
        `${over} / ${under}, ${senders} senders: rate ${median(rates).toFixed(2)}x (runs: ${rates.map((r) => r.toFixed(2)).join(', ')}),` +
          ` messages per CPU second ${median(cpu).toFixed(2)}x (runs: ${cpu.map((r) => r.toFixed(2)).join(', ')})`,
      );
    }
  }
}

await main();
