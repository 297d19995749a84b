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
  /** The DATA of the `nth` message to arrive (1-based) is received but not answered until `release()`: a hand-off in flight. */
  hold(nth: number): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on a loopback port; every mail parsed with mailparser. Addresses in `refuse` are
 * answered 550 at RCPT TO, as a mail server answers for a mailbox that does not exist.
 */
export async function startMailCatcher(slot: number, refuse: readonly string[] = []): Promise<MailCatcher> {
  const mails: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  let hold: { nth: number; arrive(): void; released: Promise<void> } | undefined;
  let arriving = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refuse.includes(address.address)) return callback();
      callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
    },
    onData(stream: SMTPServerDataStream, _session, callback) {
      arriving += 1;
      const held = hold?.nth === arriving ? hold : undefined;
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
    hold(nth) {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { nth, arrive, released };
      return { arrived, release };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
