import type { LocaleCode } from '../../src/api/wire';
import { attributeText, type DeepLinkAttributes } from '../deep-links/attribute-rules';
import { PLACEHOLDER } from '../deep-links/welcome-placeholders';
import type { InvitationMessages } from './invitation-wire';

export interface RenderedMessage {
  subject?: string;
  body: string;
}

/** The recipient's preferred locale when the invitation has a message in it, else the engagement locale. */
export function messageLocaleFor(messages: InvitationMessages, preferred: LocaleCode | null, engagement: LocaleCode): LocaleCode {
  return preferred !== null && messages[preferred] ? preferred : engagement;
}

/**
 * One recipient's message: `{{link}}` becomes their personal link, every other `{{attribute}}` their value of it
 * (a collection joined with ", "), or nothing when they have none.
 */
export function renderMessage(
  messages: InvitationMessages,
  locale: LocaleCode,
  values: { link: string; attributes: DeepLinkAttributes },
): RenderedMessage {
  const template = messages[locale];
  if (!template) throw new Error(`no message in ${locale}`);
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_match, key: string) => {
      if (key === 'link') return values.link;
      return Object.hasOwn(values.attributes, key) ? attributeText(values.attributes[key]!) : '';
    });
  // A subject is one line: an attribute with a line break must not add a header.
  const subject = template.subject === undefined ? undefined : fill(template.subject).replace(/[\r\n]+/g, ' ');
  return subject === undefined ? { body: fill(template.body) } : { subject, body: fill(template.body) };
}

/** Whether a message text has the `{{link}}` placeholder (required in every body). */
export function hasLinkPlaceholder(text: string): boolean {
  return [...text.matchAll(PLACEHOLDER)].some((match) => match[1] === 'link');
}
