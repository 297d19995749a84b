import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, seen from a built entry in dist-server/. */
export function projectRootFromBuiltEntry(entryUrl: string): string {
  return resolve(dirname(fileURLToPath(entryUrl)), '..');
}
