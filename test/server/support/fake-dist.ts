import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const PAGE_INDEX = '<!doctype html><html><head><meta name="direct-chat:api-base" content="/api"></head><body>chat page</body></html>';
export const CONSOLE_INDEX = '<!doctype html><html><body>agent console</body></html>';
export const ASSET_JS = `export const app = ${JSON.stringify('x'.repeat(4000))};\n`;
export const SECRET_TEXT = 'this file is outside dist and must never be served';

/** A built-looking dist/ (page, console, a hashed asset) inside a scratch directory that also holds a secret file. */
export function createFakeDist(options: { apiBase?: string; cspJson?: string } = {}): { root: string; distDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'direct-chat-dist-'));
  const distDir = join(root, 'dist');
  const files: Record<string, string> = {
    'direct/index.html': options.apiBase ? PAGE_INDEX.replace('/api', options.apiBase) : PAGE_INDEX,
    'direct/assets/index-Ab12Cd34.js': ASSET_JS,
    'direct/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'direct/.hidden': 'hidden',
    'console/index.html': CONSOLE_INDEX,
    'console/assets/console-Zz99.js': 'console.log(1)',
  };
  if (options.cspJson) files['direct/csp.json'] = options.cspJson;
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(distDir, path)), { recursive: true });
    writeFileSync(join(distDir, path), content);
  }
  writeFileSync(join(root, 'secret.txt'), SECRET_TEXT);
  writeFileSync(join(distDir, 'secret.txt'), SECRET_TEXT);
  return { root, distDir };
}
