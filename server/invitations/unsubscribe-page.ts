import { createHash } from 'node:crypto';
import type { LocaleCode } from '../../src/api/wire';
import { pickLocale } from '../../src/i18n/normalize-locale';
import { toBcp47 } from '../../src/i18n/locales';

type PageTexts = Record<'confirmTitle' | 'confirmBody' | 'confirmButton' | 'doneTitle' | 'doneBody' | 'unknownTitle' | 'unknownBody', string>;
export type UnsubscribeScreen = 'confirm' | 'done' | 'unknown';

const files = import.meta.glob<PageTexts>('../../locales/*/unsubscribe.json', { eager: true, import: 'default' });
const textsOf = (locale: LocaleCode): PageTexts => files[`../../locales/${locale}/unsubscribe.json`]!;

const STYLE =
  'body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#f4f5f7}' +
  'main{box-sizing:border-box;max-width:28rem;margin:12vh auto;padding:2rem 1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px #0002}' +
  'h1{font-size:1.375rem;margin:0 0 .75rem}p{margin:0 0 1.5rem}' +
  'button{font:inherit;font-weight:600;min-height:44px;padding:.5rem 1.25rem;border:0;border-radius:8px;background:#1f5fbf;color:#fff;cursor:pointer}' +
  'button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}';
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** Only its own inline style and a form posting to itself: no script, never framed, never cached. */
export const UNSUBSCRIBE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

/** The language of the page: the first of the browser's languages we have, else English. */
export function unsubscribeLocale(acceptLanguage: string | undefined): LocaleCode {
  const candidates = (acceptLanguage ?? '').split(',').map((entry) => entry.split(';')[0]!.trim());
  return pickLocale(candidates) ?? 'en';
}

/** A small translated page: confirm (a button that POSTs; GET never unsubscribes), done, or an unknown link. */
export function unsubscribePage(screen: UnsubscribeScreen, locale: LocaleCode, appName: string): string {
  const texts = textsOf(locale);
  const fill = (text: string) => escapeHtml(text.replace(/\{\{app\}\}/g, appName));
  const title = fill(texts[`${screen}Title`]);
  const button = screen === 'confirm' ? `<form method="post"><button type="submit">${fill(texts.confirmButton)}</button></form>` : '';
  return (
    `<!doctype html><html lang="${toBcp47(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${title}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${title}</h1><p>${fill(texts[`${screen}Body`])}</p>${button}</main></body></html>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
