import { createTransport } from 'nodemailer';
import type { Courier, DeliveryOutcome, OutgoingMessage } from './delivery-outcome';

/** The SMTP server's answer on a failure, as nodemailer reports it. */
interface SmtpFailure {
  responseCode?: number;
  response?: string;
  code?: string;
  rejected?: unknown[];
}

/**
 * Email through SMTP with nodemailer: plain text, with RFC 8058 one-click unsubscribe headers. A permanent refusal of
 * the recipient (5xx) is a bounce; anything else that fails (the server unreachable, 4xx) is a failure.
 */
export function createMailCourier(smtpUrl: string, from: string): Courier {
  const transport = createTransport(smtpUrl, { from });
  return {
    async deliver(message: OutgoingMessage): Promise<DeliveryOutcome> {
      try {
        const info = await transport.sendMail({
          to: message.to,
          subject: message.subject,
          text: message.body,
          headers: message.unsubscribeUrl
            ? { 'List-Unsubscribe': `<${message.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
            : {},
        });
        if (info.rejected.length > 0) return { status: 'bounced', error: 'The mail server refused the recipient' };
        return { status: 'sent' };
      } catch (error) {
        const failure = error as SmtpFailure;
        const said = failure.response ? failure.response.replace(/<[^>]*@[^>]*>/g, '<…>').slice(0, 200) : (failure.code ?? 'send failed');
        const permanent = failure.responseCode !== undefined && failure.responseCode >= 500;
        return { status: permanent ? 'bounced' : 'failed', error: said };
      }
    },
    close: () => transport.close(),
  };
}
