// The header menu's panel: "Earlier chats" shows once the visitor is known to have another conversation, also when
// the panel was opened before the engine knew the visitor (a personal link opened on a second device).
import { render, screen } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../src/api/wire';
import { ChatMenu, type ChatMenuProps } from '../../src/components/chat-menu';
import { I18nContext } from '../../src/i18n/use-t';
import { createI18n, switchLanguage } from '../../src/i18n/setup-i18n';
import { createSafeStorage } from '../../src/storage/safe-storage';

let translator: i18n;
beforeAll(async () => {
  translator = await createI18n('en', createSafeStorage(() => null));
  await switchLanguage(translator, 'en');
});

const session = (id: string): Session => ({ id, status: 'open', createdAt: '2026-11-28T09:00:00.000Z' }) as Session;

function menu(props: Partial<ChatMenuProps>) {
  const all: ChatMenuProps = {
    locales: ['en', 'fr'],
    canStartNew: true,
    onStartNew: vi.fn(),
    onShowHistory: vi.fn(),
    onLanguageChange: vi.fn(),
    onDone: vi.fn(),
    ...props,
  };
  return (
    <I18nContext.Provider value={translator}>
      <ChatMenu {...all} />
    </I18nContext.Provider>
  );
}

describe('the chat menu', () => {
  it('offers earlier chats only when there is another conversation', async () => {
    const only = render(menu({ currentSessionId: 's1', listConversations: async () => [session('s1')] }));
    await new Promise((settle) => setTimeout(settle, 0));
    expect(screen.queryByRole('button', { name: 'Earlier chats' })).not.toBeInTheDocument();
    only.unmount();

    render(menu({ currentSessionId: 's1', listConversations: async () => [session('s1'), session('s0')] }));
    expect(await screen.findByRole('button', { name: 'Earlier chats' })).toBeInTheDocument();
  });

  it('asks again when the visitor becomes known while it is open', async () => {
    const listConversations = vi.fn(async () => [session('s1'), session('s0')]);
    const view = render(menu({}));
    expect(screen.queryByRole('button', { name: 'Earlier chats' })).not.toBeInTheDocument();
    // The engine loaded: the page renders the open panel again, with a new function each time.
    view.rerender(menu({ currentSessionId: 's1', listConversations: () => listConversations() }));
    expect(await screen.findByRole('button', { name: 'Earlier chats' })).toBeInTheDocument();
    view.rerender(menu({ currentSessionId: 's1', listConversations: () => listConversations() }));
    expect(listConversations).toHaveBeenCalledTimes(1);
  });
});
