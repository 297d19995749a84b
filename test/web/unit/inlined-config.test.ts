// The config a server wrote into the page (src/boot/inlined-config.ts): used only when it is for this app and
// language and has a config's shape; anything else leaves the page to fetch its own.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../src/api/wire';
import { INLINED_CONFIG_ID, readInlinedConfig } from '../../../src/boot/inlined-config';

const config: AppConfig = {
  appId: 'demo_app',
  name: 'Demo Shop',
  locales: ['en', 'de'],
  defaultLocale: 'en',
  branding: { title: 'Demo Shop Support', accentColor: '#1f5fbf', welcome: 'Hi </script> there\u2028!' },
};

function writeBlock(text: string) {
  const block = document.createElement('script');
  block.id = INLINED_CONFIG_ID;
  block.type = 'application/json';
  block.textContent = text;
  document.body.append(block);
}

afterEach(() => document.getElementById(INLINED_CONFIG_ID)?.remove());

describe('readInlinedConfig', () => {
  it('reads the config written for this app and language', () => {
    writeBlock(JSON.stringify({ locale: 'de', config }));
    expect(readInlinedConfig(document, 'demo_app', 'de')).toEqual(config);
  });

  it('leaves another app, another language, another shape or broken JSON to the API', () => {
    writeBlock(JSON.stringify({ locale: 'de', config }));
    expect(readInlinedConfig(document, 'other_app', 'de')).toBeUndefined();
    expect(readInlinedConfig(document, 'demo_app', 'en')).toBeUndefined();
    document.getElementById(INLINED_CONFIG_ID)!.remove();
    writeBlock(JSON.stringify({ locale: 'de', config: { ...config, branding: { title: 1 } } }));
    expect(readInlinedConfig(document, 'demo_app', 'de')).toBeUndefined();
    document.getElementById(INLINED_CONFIG_ID)!.remove();
    writeBlock('{"locale":"de","config":');
    expect(readInlinedConfig(document, 'demo_app', 'de')).toBeUndefined();
  });

  it('reads nothing when the page carries none', () => {
    expect(readInlinedConfig(document, 'demo_app', 'de')).toBeUndefined();
  });
});
