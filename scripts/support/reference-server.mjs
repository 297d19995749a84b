// Starts a built reference server (dist-server/main.js) on a port of its own, by default from this checkout with a
// fresh data directory. Options: root (another checkout's build, e.g. an older server to compare against), dataDir
// (shared by instances of one deployment), env (extra settings such as DATABASE_URL), nodeArgs (e.g. --cpu-prof).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const AGENT_TOKEN = 'script-agent-token-0123456789abcdef';
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function startReferenceServer(port, { root = projectRoot, dataDir, env = {}, nodeArgs = [] } = {}) {
  const ownDataDir = dataDir === undefined;
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'direct-chat-script-'));
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist-server/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DIRECT_CHAT_DATA_DIR: dir,
      DIRECT_CHAT_AGENT_TOKEN: AGENT_TOKEN,
      DIRECT_CHAT_RATE_LIMIT: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  await new Promise((resolveReady, reject) => {
    let output = '';
    const onOutput = (chunk) => {
      output += chunk;
      if (!/^READY /m.test(output)) return;
      // From here on the log is drained unread: a benchmark's servers log a line per request.
      child.stdout.off('data', onOutput);
      child.stdout.resume();
      resolveReady();
    };
    child.stdout.on('data', onOutput);
    child.once('exit', (code) => reject(new Error(`server on ${port} exited with ${code}: ${output}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  /** Stops the server (SIGTERM) and resolves once it has exited and its own data directory is removed. */
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    if (ownDataDir) rmSync(dir, { recursive: true, force: true });
  };
  return { origin, port, pid: child.pid, stop, agent: agentApi(origin) };
}

/** The agent side, over the server's real agent API. */
function agentApi(origin, appId = 'demo_app') {
  let sent = 0;
  const call = async (method, path, body) => {
    const response = await fetch(`${origin}/api/agent/apps/${appId}${path}`, {
      method,
      headers: { Authorization: `Bearer ${AGENT_TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };
  return {
    sessions: async () => (await call('GET', '/sessions')).sessions,
    say: (sessionId, text, authorName = 'Sam') =>
      call('POST', `/sessions/${sessionId}/messages`, { clientId: `script-${Date.now()}-${++sent}`, kind: 'text', text, authorName }),
    sendLink: (sessionId, link, authorName = 'Sam') =>
      call('POST', `/sessions/${sessionId}/messages`, { clientId: `script-link-${Date.now()}-${++sent}`, kind: 'link', link, authorName }),
    close: (sessionId) => call('POST', `/sessions/${sessionId}/close`),
  };
}
