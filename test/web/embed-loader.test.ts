import { describe, expect, it } from 'vitest';
import { mountEmbed } from '../../src/embed/embed';
import { embeddedPageUrl, readEmbedOptions } from '../../src/embed/embed-options';

const script = (dataset: Record<string, string | undefined>, src = 'https://chat.example.com/direct/embed.js') => ({ src, dataset });

describe('embed options', () => {
  it('reads the script tag, and builds the framed page address on the script origin', () => {
    const options = readEmbedOptions(script({ appId: 'demo_app', lang: 'ja', query: '?sbs=1&sbs_mm=x&ranstr=y&embed=0' }));
    expect(options).toMatchObject({ appId: 'demo_app', chatOrigin: 'https://chat.example.com', label: 'Chat', position: 'right' });
    expect(embeddedPageUrl(options!)).toBe('https://chat.example.com/direct/demo_app?sbs=1&sbs_mm=x&ranstr=y&embed=1&lang=ja');
  });

  it.each([{}, { appId: '' }, { appId: '../x' }, { appId: 'a b' }, { appId: 'x'.repeat(65) }])('refuses %j', (dataset) => {
    expect(readEmbedOptions(script(dataset))).toBeNull();
  });
});

describe('embed loader', () => {
  const options = readEmbedOptions(script({ appId: 'demo_app', label: 'Talk to us' }))!;

  it('adds only a launcher until opened, then the framed page; closes when the frame asks', () => {
    const embed = mountEmbed(options);
    expect(document.querySelector('iframe')).toBeNull();
    expect(embed.launcher).toHaveAccessibleName('Talk to us');
    expect(embed.launcher).toHaveAttribute('aria-expanded', 'false');

    embed.launcher.click();
    const frame = document.querySelector('iframe')!;
    expect(frame.src).toBe('https://chat.example.com/direct/demo_app?embed=1');
    expect(frame).toHaveAttribute('title', 'Talk to us');
    expect(embed.panel.hidden).toBe(false);
    expect(embed.launcher).toHaveAttribute('aria-expanded', 'true');

    const ask = (origin: string, source: MessageEventSource | null, data: unknown) =>
      window.dispatchEvent(new MessageEvent('message', { origin, source, data }));
    ask('https://evil.example', frame.contentWindow, { source: 'direct-chat', type: 'close' });
    ask('https://chat.example.com', window, { source: 'direct-chat', type: 'close' });
    ask('https://chat.example.com', frame.contentWindow, { source: 'direct-chat', type: 'open-everything' });
    expect(embed.panel.hidden).toBe(false);

    ask('https://chat.example.com', frame.contentWindow, { source: 'direct-chat', type: 'close' });
    expect(embed.panel.hidden).toBe(true);
    expect(embed.launcher).toHaveFocus();
    embed.launcher.click();
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
    embed.panel.remove();
    embed.launcher.remove();
  });
});
