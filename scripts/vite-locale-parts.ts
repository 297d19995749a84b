import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { FIRST_SCREEN_PATHS, splitMessages, type LocalePart } from '../src/i18n/locale-parts.ts';

const PART_QUERY = /^(.*\/locales\/[a-z-]+\/chat\.json)\?part=(firstScreen|rest)$/;

/**
 * `locales/<code>/chat.json?part=firstScreen` and `?part=rest`: the two parts of a language's messages (see
 * src/i18n/locale-parts.ts), each a module of its own and so a chunk of its own.
 */
export function localeParts(): Plugin {
  return {
    name: 'direct-chat-locale-parts',
    enforce: 'pre',
    load(id) {
      const match = PART_QUERY.exec(id);
      if (!match) return null;
      this.addWatchFile(match[1]);
      const parts = splitMessages(JSON.parse(readFileSync(match[1], 'utf8')), FIRST_SCREEN_PATHS);
      return { code: `export default ${JSON.stringify(parts[match[2] as LocalePart])};`, moduleType: 'js' };
    },
  };
}
