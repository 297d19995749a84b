import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { openPage } from './support/open-page';
import { recordRequests } from './support/page-requests';
import { useRealServer } from './support/real-server';

const { faults } = useRealServer();

async function open(path: string, languages: string[]) {
  await openPage(path, languages);
  await screen.findByRole('textbox');
}

describe('language detection', () => {
  it.each([
    [['pt-BR', 'en'], 'pt', 'Escreva uma mensagem…'],
    [['pt-PT'], 'pt', 'Escreva uma mensagem…'],
    [['es-MX', 'zh-HK', 'en'], 'zh-TW', '輸入訊息…'],
    [['zh-Hans-SG'], 'zh-CN', '输入消息…'],
    [['ru'], 'ru', 'Напишите сообщение…'],
    [['es', 'it'], 'en', 'Write a message…'],
  ])('navigator.languages %j gives <html lang=%s>', async (languages, htmlLang, placeholder) => {
    await open('/direct/demo_app', languages);
    expect(document.documentElement.lang).toBe(htmlLang);
    expect(screen.getByRole('textbox')).toHaveAttribute('placeholder', placeholder);
  });

  it('?lang wins over the browser and over a stored choice, in any case or separator', async () => {
    localStorage.setItem('dc:lang', 'de');
    await open('/direct/demo_app?lang=JA_jp', ['fr-FR']);
    expect(document.documentElement.lang).toBe('ja');
  });

  it('an unknown ?lang falls through to the stored choice, never an error', async () => {
    localStorage.setItem('dc:lang', 'ko');
    await open('/direct/demo_app?lang=%3Cscript%3E', ['fr-FR']);
    expect(document.documentElement.lang).toBe('ko');
  });

  it('asks the server for branding in the detected language', async () => {
    const configCalls = recordRequests(faults, 'GET', /\/config$/);
    await open('/direct/demo_app', ['de-AT']);
    expect(configCalls.map((request) => new URL(request.url).searchParams.get('locale'))).toEqual(['de']);
    expect(screen.getByRole('heading', { level: 1, name: 'Demo Shop Kundenservice' })).toBeInTheDocument();
  });
});

describe('language choice, in the header menu', () => {
  const languages = async (user: ReturnType<typeof userEvent.setup>, menuName = 'Menu') => {
    await user.click(await screen.findByRole('button', { name: menuName }));
    return within(await screen.findByRole('list', { name: /Language|Langue/ }));
  };

  it('switches the page, updates <html lang>, refetches branding and remembers the choice', async () => {
    await open('/direct/demo_app', ['en-US']);
    const user = userEvent.setup();
    await user.click((await languages(user)).getByRole('button', { name: 'Français' }));
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Assistance Demo Shop' })).toBeInTheDocument();
    expect((await languages(user, 'Menu')).getByRole('button', { name: 'Français' })).toHaveAttribute('aria-current', 'true');
    expect(localStorage.getItem('dc:lang')).toBe('fr');
    await open('/direct/demo_app', ['en-US']);
    expect(document.documentElement.lang).toBe('fr');
  });

  it('changes only on an explicit choice, never while the keyboard moves through the list', async () => {
    await open('/direct/demo_app', ['en-US']);
    const user = userEvent.setup();
    (await languages(user)).getByRole('button', { name: 'Deutsch' }).focus();
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowDown}{Tab}');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('dc:lang')).toBeNull();
  });

  it('offers every language of the app by its own name', async () => {
    await open('/direct/demo_app', ['en-US']);
    const names = (await languages(userEvent.setup())).getAllByRole('button').map((button) => button.textContent);
    expect(names).toEqual(['简体中文', '繁體中文', 'English', '日本語', '한국어', 'Deutsch', 'Français', 'Português', 'Русский']);
  });
});
