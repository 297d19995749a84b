// Every string from the Big List of Naughty Strings, in every remote field the console shows: it must come out
// as exactly that text, and no element, attribute, link or image may come from it.
import './support/setup';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeAgentApi } from './support/fake-agent-api';
import { message, visitorDetail } from './support/fixtures';
import { openConversation } from './support/open-conversation';
import { renderConsole } from './support/render-console';
import { naughtyStrings } from '../support/naughty-strings';

const api = installFakeAgentApi();
const BLNS = naughtyStrings;
const hostile = BLNS.filter((s) => s.trim() !== '');

/** The text a sighted reader sees: the console's own "(opens in a new tab)" notes left out. */
function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((note) => note.remove());
  return copy.textContent ?? '';
}

describe('hostile strings', () => {
  it('uses the corpus', () => {
    expect(hostile.length).toBeGreaterThan(400);
    expect(hostile.some((s) => s.includes('<script>'))).toBe(true);
  });

  it('renders names, messages, link cards, claims and variables as plain text only', async () => {
    const user = userEvent.setup();
    const vars = Object.fromEntries(hostile.slice(0, 20).map((v, i) => [`var_${i}`, v]));
    const messages = hostile.map((text, i) =>
      i % 5 === 4
        ? message(i + 1, {
            kind: 'link',
            text: undefined,
            author: { role: 'agent', name: text },
            link: { url: text, title: text, imageUrl: text, description: text },
          })
        : message(i + 1, { text, author: { role: 'visitor', name: text } }),
    );
    api.addSession(
      's1',
      visitorDetail({
        displayName: 'Target',
        claims: { name: hostile[1], nickname: hostile[2], email: '<img src=x onerror=alert(1)>', phone: hostile[3] },
        vars,
      }),
      messages,
      { lastMessage: messages.find((m) => m.text?.includes('<script>')) },
    );
    const { container } = renderConsole();
    await openConversation(user, /Target/);
    while (screen.queryByRole('button', { name: 'Load earlier messages' })) {
      await user.click(screen.getByRole('button', { name: 'Load earlier messages' }));
      await waitFor(() => expect(screen.queryByText('Loading earlier messages…')).not.toBeInTheDocument());
    }

    const region = screen.getByRole('region', { name: 'Messages' });
    const items = within(region).getAllByRole('listitem');
    expect(items).toHaveLength(messages.length);
    items.forEach((item, i) => {
      const m = messages[i];
      if (m.kind === 'text') expect(visibleText(item.querySelector('.message__text')!)).toBe(m.text);
      else expect(item.querySelector('.link-card__description')!.textContent).toBe(m.link!.description);
    });

    // Only the console's own markup exists: nothing a payload could have created.
    const tags = new Set([...container.querySelectorAll('*')].map((el) => el.tagName.toLowerCase()));
    const own = ['div', 'header', 'a', 'h1', 'span', 'label', 'input', 'button', 'main', 'section', 'h2', 'p', 'select', 'option', 'ul', 'li', 'time', 'h3', 'h4', 'dl', 'dt', 'dd', 'ol', 'form', 'textarea', 'details', 'summary', 'img', 'bdi', 'nav'];
    expect([...tags].filter((t) => !own.includes(t))).toEqual([]);
    for (const el of container.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
    }
    for (const a of region.querySelectorAll('a')) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\/[^\s]+$/);
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    for (const img of container.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^https?:\/\//);

    const panel = screen.getByRole('region', { name: 'Visitor' });
    expect(within(panel).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    for (const [key, value] of Object.entries(vars)) {
      const dt = within(panel).getByText(key);
      expect(dt.nextElementSibling!.textContent).toBe(value);
    }
    const preview = screen.getByRole('button', { name: /Target/ }).querySelector('.session-item__preview')!;
    expect(preview.textContent).toContain('<script>');
    expect(preview.children).toHaveLength(0);
  });

  it('survives hostile visitor names in the list', async () => {
    hostile.slice(0, 60).forEach((name, i) => api.addSession(`s${i}`, visitorDetail({ displayName: name }), []));
    const { container } = renderConsole();
    await screen.findByText('Live');
    const list = screen.getByRole('region', { name: 'Conversations' });
    await waitFor(() => expect(list.querySelectorAll('[data-session-id]')).toHaveLength(60));
    const names = [...list.querySelectorAll('.session-item__name')].map((n) => n.textContent);
    for (const name of hostile.slice(0, 60)) expect(names).toContain(name.trim() ? name.trim() : expect.any(String));
    expect(container.querySelectorAll('script, iframe, svg, marquee, object, embed')).toHaveLength(0);
  });
});
