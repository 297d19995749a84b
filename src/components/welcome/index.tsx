import type { AppConfig } from '../../api/wire';
import { toBcp47 } from '../../i18n/locales';
import { useT } from '../../i18n/use-t';
import { Avatar } from '../avatar';
import './style.css';

interface Props {
  config: AppConfig;
  /** Offered only before the conversation's first message. */
  showQuickReplies: boolean;
  onQuickReply(text: string): void;
}

const WELCOME_FACES = 3;

/** The conversation's opening: who is here to help (faces and names), their welcome, and suggested first messages. */
export function Welcome({ config, showQuickReplies, onQuickReply }: Props) {
  const { t, locale } = useT();
  const team = (config.team ?? []).slice(0, WELCOME_FACES);
  const names = new Intl.ListFormat(toBcp47(locale), { type: 'conjunction' }).format(team.map((member) => member.name.split(/\s+/)[0]!));
  const quickReplies = showQuickReplies ? (config.branding.quickReplies ?? []) : [];
  return (
    <div class="welcome">
      {team.length > 0 && (
        <div class="welcome__team">
          <span class="welcome__faces" aria-hidden="true">
            {team.map((member) => (
              <Avatar key={member.name} name={member.name} url={member.avatarUrl} size="large" />
            ))}
          </span>
          <p class="welcome__names">
            <strong>{config.name}</strong>
            <span>{names}</span>
          </p>
        </div>
      )}
      {config.branding.welcome && <p class="welcome__message">{config.branding.welcome}</p>}
      {quickReplies.length > 0 && (
        <ul class="welcome__quick-replies" aria-label={t('welcome.suggestions')}>
          {quickReplies.map((text) => (
            <li key={text}>
              <button type="button" class="welcome__quick-reply" onClick={() => onQuickReply(text)}>
                {text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
