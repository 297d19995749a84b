// A reference server this test owns, so it can be killed and started again on the same port and database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_AGENT_TOKEN } from './e2e-settings';

export class ServerProcess {
  private child: ChildProcess | null = null;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'direct-chat-restart-'));
  /** `env`: settings on top of the suite's own (for example SMTP_URL for a test's mail server). */
  constructor(
    readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['dist-server/main.js'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DIRECT_CHAT_DATA_DIR: this.dataDir,
        DIRECT_CHAT_AGENT_TOKEN: E2E_AGENT_TOKEN,
        DIRECT_CHAT_FAULT_INJECTION: '1',
        DIRECT_CHAT_HEARTBEAT_MS: '2000',
        DIRECT_CHAT_RATE_LIMIT: '100000',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/^READY /m.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });
  }

  /** Ends the process at once, as a crash or a deploy would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }
}
