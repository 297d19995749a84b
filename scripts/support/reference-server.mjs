// Starts the built reference server (dist-server/main.js) on a port of its own with a fresh data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const AGENT_TOKEN = 'script-agent-token-0123456789abcdef';

export async function startReferenceServer(port) {
  const dataDir = mkdtempSync(join(tmpdir(), 'direct-chat-script-'));
  const child = spawn(process.execPath, ['dist-server/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DIRECT_CHAT_DATA_DIR: dataDir,
      DIRECT_CHAT_AGENT_TOKEN: AGENT_TOKEN,
      DIRECT_CHAT_RATE_LIMIT: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/^READY /m.test(output)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return { origin, stop: () => child.kill('SIGTERM'), agent: agentApi(origin) };
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
