// The "Send a link" form's rules, apart from the DOM: what the server would reject, said before sending.
import type { LinkCard } from '../../../src/api/wire';
import { LINK_LIMITS } from '../../../src/api/limits';
import { safeHttpUrl } from '../../../src/link/safe-url';

export interface LinkFormValues {
  title: string;
  url: string;
  imageUrl: string;
  description: string;
}

export type LinkFormField = keyof LinkFormValues;
export type LinkFormErrors = Partial<Record<LinkFormField, string>>;
export type LinkFormResult = { ok: true; link: LinkCard } | { ok: false; errors: LinkFormErrors };

export const EMPTY_LINK_FORM: LinkFormValues = { title: '', url: '', imageUrl: '', description: '' };
export const LINK_FORM_FIELDS: readonly LinkFormField[] = ['title', 'url', 'imageUrl', 'description'];

function checkUrl(value: string, label: string, required: boolean): string | undefined {
  if (!value) return required ? `Enter the ${label}.` : undefined;
  if (value.length > LINK_LIMITS.url) return `The ${label} can be at most ${LINK_LIMITS.url} characters.`;
  if (!safeHttpUrl(value)) return `The ${label} must start with http:// or https://.`;
  return undefined;
}

export function validateLinkForm(values: LinkFormValues): LinkFormResult {
  const title = values.title.trim();
  const url = values.url.trim();
  const imageUrl = values.imageUrl.trim();
  const description = values.description.trim();
  const errors: LinkFormErrors = {};

  if (!title) errors.title = 'Enter a title.';
  else if (title.length > LINK_LIMITS.title) errors.title = `The title can be at most ${LINK_LIMITS.title} characters.`;
  const urlError = checkUrl(url, 'URL', true);
  if (urlError) errors.url = urlError;
  // Images must be https: the chat page's Content-Security-Policy loads no other remote image.
  const imageError = checkUrl(imageUrl, 'image URL', false) ?? (imageUrl && !safeHttpUrl(imageUrl)?.startsWith('https:') ? 'The image URL must start with https://.' : undefined);
  if (imageError) errors.imageUrl = imageError;
  if (description.length > LINK_LIMITS.description) {
    errors.description = `The description can be at most ${LINK_LIMITS.description} characters.`;
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    link: {
      url: safeHttpUrl(url)!,
      title,
      ...(imageUrl ? { imageUrl: safeHttpUrl(imageUrl)! } : {}),
      ...(description ? { description } : {}),
    },
  };
}
