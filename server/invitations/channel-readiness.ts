import type { ServerSettings } from '../config/server-settings';
import type { ChannelReadiness, InvitationChannel } from './invitation-wire';

/** Which settings each channel still needs (the console says what to configure instead of failing silently). */
export function channelReadiness(settings: ServerSettings): Record<InvitationChannel, ChannelReadiness> {
  const sms = settings.sms ?? {};
  return {
    email: readiness({ SMTP_URL: settings.smtpUrl, DIRECT_CHAT_MAIL_FROM: settings.mailFrom }),
    sms: readiness({ SMS_API_URL: sms.apiUrl, SMS_ACCOUNT_ID: sms.accountId, SMS_AUTH_TOKEN: sms.authToken, SMS_FROM: sms.from }),
  };
}

function readiness(values: Record<string, string | undefined>): ChannelReadiness {
  const missing = Object.entries(values).filter(([, value]) => !value).map(([name]) => name);
  return missing.length === 0 ? { configured: true } : { configured: false, missing };
}
