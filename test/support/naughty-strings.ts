import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The Big List of Naughty Strings (MIT, Max Woolf), kept in the repository so the tests need no network. */
export const naughtyStrings: readonly string[] = JSON.parse(readFileSync(join(here, '../fixtures/blns/blns.json'), 'utf8'));
