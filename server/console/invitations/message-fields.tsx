import type { LocaleCode } from '../../../src/api/wire';
import type { ChannelReadiness, InvitationChannel } from '../../invitations/invitation-wire';
import { FieldFrame } from '../components/field-frame';
import { languageName } from '../text/language-names';
import type { InvitationFieldErrors, InvitationFormValues, MessageValues } from './invitation-form-values';
import { CHANNEL_LABELS } from './invitation-labels';
import { placeholdersIn } from './placeholders';
import { ChannelMissing } from './channel-missing';

interface Props {
  values: InvitationFormValues;
  locale: LocaleCode;
  appLocales: readonly LocaleCode[];
  channels?: Record<InvitationChannel, ChannelReadiness>;
  errors: InvitationFieldErrors;
  update(patch: Partial<InvitationFormValues>): void;
}

const EMPTY: MessageValues = { subject: '', body: '' };

/** The channel, and the message in the engagement language plus optional ones for participants who prefer another. */
export function MessageFields({ values, locale, appLocales, channels, errors, update }: Props) {
  const setMessage = (code: LocaleCode, patch: Partial<MessageValues>) =>
    update({ messages: { ...values.messages, [code]: { ...EMPTY, ...values.messages[code], ...patch } } });
  const others = appLocales.filter((code) => code !== locale);
  const othersOpen = others.some((code) => values.messages[code]?.body || errors[`messages.${code}.body`] || errors[`messages.${code}.subject`]);

  const message = (code: LocaleCode) => {
    const current = values.messages[code] ?? EMPTY;
    const found = placeholdersIn(current.body);
    const language = languageName(code);
    return (
      <div class="invitation-editor__message" key={code}>
        {values.channel === 'email' && (
          <FieldFrame id={`inv-messages-${code}-subject`} label={`Subject (${language})`} error={errors[`messages.${code}.subject`]}>
            {(a11y) => <input {...a11y} type="text" value={current.subject} onInput={(e) => setMessage(code, { subject: e.currentTarget.value })} />}
          </FieldFrame>
        )}
        <FieldFrame
          id={`inv-messages-${code}-body`}
          label={`Message (${language})`}
          hint={found.length ? `Placeholders in this message: ${found.map((name) => `{{${name}}}`).join(', ')}` : 'No placeholders yet: {{link}} is required.'}
          error={errors[`messages.${code}.body`]}
        >
          {(a11y) => <textarea {...a11y} rows={values.channel === 'sms' ? 3 : 6} value={current.body} onInput={(e) => setMessage(code, { body: e.currentTarget.value })} />}
        </FieldFrame>
      </div>
    );
  };

  return (
    <fieldset class="invitation-editor__group">
      <legend>Message</legend>
      <div class="choice-list" role="radiogroup" aria-label="Channel">
        {(['email', 'sms'] as const).map((channel) => (
          <label key={channel} class="choice">
            <input type="radio" name="inv-channel" value={channel} checked={values.channel === channel} onChange={() => update({ channel })} />
            {CHANNEL_LABELS[channel]}
          </label>
        ))}
      </div>
      {channels && !channels[values.channel].configured && <ChannelMissing channel={values.channel} state={channels[values.channel]} />}
      <p class="hint">
        Write <code>{'{{link}}'}</code> where each person's own link goes (required), and <code>{'{{attribute}}'}</code> for any of their
        attributes, e.g. <code>{'{{first_name}}'}</code>; an attribute someone lacks is left empty.
      </p>
      {message(locale)}
      {others.length > 0 && (
        <details class="invitation-editor__others" open={othersOpen}>
          <summary>Messages in other languages (optional)</summary>
          <p class="hint">A participant whose preferred language has a message gets that one; everyone else gets the {languageName(locale)} one.</p>
          {others.map(message)}
        </details>
      )}
    </fieldset>
  );
}
