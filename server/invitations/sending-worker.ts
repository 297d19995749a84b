import type { Logger } from 'pino';
import type { ApiContext } from '../api-context';
import { hashToken } from '../auth/token-hash';
import { deepLinkUrl, newDeepLinkCode } from '../deep-links/deep-link-code';
import type { ClaimedRecipient } from '../store/invitation-store';
import type { Courier, DeliveryOutcome } from './delivery-outcome';
import { createMailCourier } from './mail-courier';
import { renderMessage } from './message-rendering';
import { createSmsCourier } from './sms-courier';
import { newUnsubscribeToken, unsubscribeUrl } from './unsubscribe-token';
import type { InvitationChannel } from './invitation-wire';

export const DEFAULT_INVITATION_RATE = 5;
/** How often an idle worker looks for invitations whose window opened or ended (the clock may be moved by tests). */
const IDLE_CHECK_MS = 500;
/** Shutdown waits this long for a hand-off in flight before leaving it to be reported `unknown`. */
const STOP_GRACE_MS = 5000;
/**
 * How often hand-offs left by a stopped instance are looked for (another instance may stop at any time), and how old
 * such a claim must be: a live instance whose LISTEN connection is re-connecting looks stopped for a moment.
 */
const INTERRUPTED_CHECK_MS = 5000;
const CLAIM_GRACE_MS = 10_000;

export interface SendingWorker {
  /** Look for work now (an invitation was just sent). */
  wake(): void;
  /** Stops taking recipients and waits (a bounded time) for the hand-off in flight. */
  stop(): Promise<void>;
}

/**
 * Hands invitation messages off, one at a time, at most DIRECT_CHAT_INVITATION_RATE a second. Each recipient is
 * committed as `sending` before the hand-off, so after a crash it is reported `unknown` (at the next start, or by
 * another instance once the crashed one's LISTEN connection is gone), never sent twice. Scheduled invitations start
 * when their window opens; open ones close when it ends. Times come from `context.clock`.
 */
export function startSendingWorker(context: ApiContext, log: Logger): SendingWorker {
  const spacingMs = 1000 / (context.settings.invitationRate ?? DEFAULT_INVITATION_RATE);
  const couriers = new Map<InvitationChannel, Courier | undefined>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let wakeRequested = false;

  const courierFor = (channel: InvitationChannel): Courier | undefined => {
    if (!couriers.has(channel)) couriers.set(channel, createCourier(context, channel));
    return couriers.get(channel);
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void runOnce(), delayMs);
  };

  const runOnce = async () => {
    if (running || stopped) {
      wakeRequested = true;
      return;
    }
    wakeRequested = false;
    let handedOff = false;
    running = (async () => {
      try {
        if (performance.now() - lastInterruptedCheck >= INTERRUPTED_CHECK_MS) await reportInterrupted();
        handedOff = await step(context, courierFor, log);
      } catch (error) {
        log.error({ err: error }, 'invitation sending step failed');
      }
    })();
    await running;
    running = undefined;
    schedule(handedOff ? spacingMs : wakeRequested ? 0 : IDLE_CHECK_MS);
  };

  let lastInterruptedCheck = -Infinity;
  const reportInterrupted = async () => {
    lastInterruptedCheck = performance.now();
    const now = context.clock.now();
    const claimedBefore = new Date(Date.parse(now) - CLAIM_GRACE_MS).toISOString();
    const interrupted = await context.store.invitations.markInterrupted(now, { self: context.bus.instance, claimedBefore });
    if (interrupted > 0) log.warn({ recipients: interrupted }, 'invitation hand-offs interrupted by a stop: reported as unknown, not sent again');
  };

  running = reportInterrupted().catch((error: unknown) => log.error({ err: error }, 'could not check for interrupted invitation hand-offs'));
  void running.then(() => {
    running = undefined;
    schedule(0);
  });

  return {
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (running) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
      for (const courier of couriers.values()) courier?.close();
    },
  };
}

/** One round: windows opened and ended, then at most one hand-off. True when a message was handed off. */
async function step(context: ApiContext, courierFor: (channel: InvitationChannel) => Courier | undefined, log: Logger): Promise<boolean> {
  const { invitations } = context.store;
  const now = context.clock.now();
  await invitations.closeEnded(now);
  await invitations.startDue(now);
  const code = newDeepLinkCode();
  const token = newUnsubscribeToken();
  const claimed = await invitations.claimNext(now, { codeHash: hashToken(code), unsubscribeHash: hashToken(token) }, context.bus.instance);
  if (!claimed) {
    await invitations.completeSent(now);
    return false;
  }
  const outcome = await handOff(claimed, courierFor(claimed.invitation.channel), code, token);
  if (outcome.status !== 'sent') log.warn({ invitationId: claimed.invitation.id, status: outcome.status, error: outcome.error }, 'invitation message not sent');
  await invitations.finish(claimed.recipient.id, outcome, context.clock.now());
  return true;
}

async function handOff({ invitation, recipient }: ClaimedRecipient, courier: Courier | undefined, code: string, token: string): Promise<DeliveryOutcome> {
  if (!courier) return { status: 'failed', error: `${invitation.channel} is not configured on this server` };
  if (recipient.address === null) return { status: 'failed', error: 'no address' };
  const origin = invitation.origin ?? '';
  // The chat opens in the engagement locale (whatever the message's language): the link contract's lang parameter.
  const link = `${deepLinkUrl(origin, code)}?lang=${invitation.locale}`;
  const message = renderMessage(invitation.messages, recipient.locale, { link, attributes: recipient.attributes });
  return courier.deliver({
    to: recipient.address,
    ...message,
    unsubscribeUrl: invitation.channel === 'email' ? unsubscribeUrl(origin, token) : undefined,
    statusCallbackUrl: invitation.channel === 'sms' ? `${origin}/hooks/sms-status` : undefined,
  });
}

function createCourier(context: ApiContext, channel: InvitationChannel): Courier | undefined {
  const { settings } = context;
  if (channel === 'email') return settings.smtpUrl && settings.mailFrom ? createMailCourier(settings.smtpUrl, settings.mailFrom) : undefined;
  const sms = settings.sms;
  return sms?.apiUrl && sms.accountId && sms.authToken && sms.from
    ? createSmsCourier({ apiUrl: sms.apiUrl, accountId: sms.accountId, authToken: sms.authToken, from: sms.from })
    : undefined;
}
