// The agent side of end-to-end tests, over the reference server's real agent API.
import type { AgentSessionDetailResponse, AgentSessionListResponse, AgentSessionSummary } from '../../../server/agent-wire';
import type { LinkCard, Message, MessagePage } from '../../../src/api/wire';
import { E2E_AGENT_TOKEN, E2E_ORIGIN } from './e2e-settings';

export class AgentApi {
  private sent = 0;
  constructor(
    private readonly origin = E2E_ORIGIN,
    private readonly appId = 'demo_app',
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.origin}/api/agent/apps/${this.appId}${path}`, {
      method,
      headers: { Authorization: `Bearer ${E2E_AGENT_TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  async sessions(): Promise<AgentSessionSummary[]> {
    return (await this.call<AgentSessionListResponse>('GET', '/sessions')).sessions;
  }

  /** The session whose transcript contains a visitor message with this text (waits for it to arrive). */
  async sessionWith(text: string, timeoutMs = 10_000): Promise<AgentSessionSummary> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const session of await this.sessions()) {
        if ((await this.messages(session.id)).some((message) => message.text === text)) return session;
      }
      if (Date.now() > deadline) throw new Error(`no session has a message "${text}"`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async detail(sessionId: string): Promise<AgentSessionDetailResponse> {
    return this.call('GET', `/sessions/${sessionId}`);
  }

  async messages(sessionId: string): Promise<Message[]> {
    const all: Message[] = [];
    for (let after = 0; ; ) {
      const page = await this.call<MessagePage>('GET', `/sessions/${sessionId}/messages?after=${after}&limit=100`);
      all.push(...page.messages);
      if (!page.hasMore || page.messages.length === 0) return all;
      after = page.messages[page.messages.length - 1].seq;
    }
  }

  async say(sessionId: string, text: string): Promise<Message> {
    const body = { clientId: `agent-${Date.now()}-${++this.sent}`, kind: 'text', text, authorName: 'Sam' };
    return (await this.call<{ message: Message }>('POST', `/sessions/${sessionId}/messages`, body)).message;
  }

  async sendLink(sessionId: string, link: LinkCard): Promise<Message> {
    const body = { clientId: `agent-link-${Date.now()}-${++this.sent}`, kind: 'link', link, authorName: 'Sam' };
    return (await this.call<{ message: Message }>('POST', `/sessions/${sessionId}/messages`, body)).message;
  }

  async removePreview(sessionId: string, messageId: string): Promise<Message> {
    return (await this.call<{ message: Message }>('DELETE', `/sessions/${sessionId}/messages/${messageId}/preview`)).message;
  }

  async close(sessionId: string): Promise<void> {
    await this.call('POST', `/sessions/${sessionId}/close`);
  }

  /** Fault injection: the server closes every open event stream at once. */
  async dropStreams(): Promise<void> {
    const response = await fetch(`${this.origin}/api/agent/debug/drop-streams`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${E2E_AGENT_TOKEN}` },
    });
    if (response.status !== 204) throw new Error(`drop-streams: ${response.status}`);
  }
}
