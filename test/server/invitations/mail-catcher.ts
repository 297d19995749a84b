import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { TEST_ENGINE } from '../support/test-server';

/** SMTP ports of this task: 2520-2524 for the SQLite project, 2525-2529 for PostgreSQL (they run side by side). */
export const smtpPort = (slot: number) => (TEST_ENGINE === 'postgres' ? 2525 : 2520) + slot;

export interface MailCatcher {
  url: string;
  mails: ParsedMail[];
  /** Resolves when `count` mails have arrived (or rejects after the timeout). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** The next message's DATA is held (never answered) until `release()`: a hand-off in flight. */
  holdNext(): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on a loopback port; every mail parsed with mailparser. */
export async function startMailCatcher(slot: number): Promise<MailCatcher> {
  const mails: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  let hold: { arrive(): void; released: Promise<void> } | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: SMTPServerDataStream, _session, callback) {
      const held = hold;
      hold = undefined;
      simpleParser(stream).then(
        async (mail) => {
          if (held) {
            held.arrive();
            await held.released;
          }
          mails.push(mail);
          waiters.forEach((wake) => wake());
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  const port = smtpPort(slot);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (mails.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(mails.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${mails.length} of ${count} mails arrived`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    holdNext() {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { arrive, released };
      return { arrived, release };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
