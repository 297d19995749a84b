// `npm run test:e2e:two-instances`: the e2e fault suite against two instances on PostgreSQL behind a round-robin
// proxy. Needs a reachable PostgreSQL (DIRECT_CHAT_TEST_POSTGRES_URL, or scripts/postgres-cluster.sh start); without
// one it is skipped with a message, except with CI=true, where that fails.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';

const url = process.env.DIRECT_CHAT_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:55432/postgres';
const { hostname, port } = new URL(url);
const reachable = await new Promise((resolve) => {
  const socket = connect({ host: hostname, port: Number(port || 5432), timeout: 1000 });
  socket.once('connect', () => resolve(socket.destroy() && true));
  socket.once('error', () => resolve(false));
  socket.once('timeout', () => resolve(socket.destroy() && false));
});
if (!reachable) {
  const message = `PostgreSQL is not reachable at ${url}: start one with scripts/postgres-cluster.sh start`;
  if (process.env.CI === 'true') {
    console.error(`${message} (CI=true: the two-instance e2e run must run)`);
    process.exit(1);
  }
  console.warn(`[e2e two instances] skipped: ${message}`);
  process.exit(0);
}
const run = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.two-instances.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DIRECT_CHAT_TEST_POSTGRES_URL: url },
});
process.exit(run.status ?? 1);
