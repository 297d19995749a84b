// Fails when anything secret reached the files a browser downloads: every app's AppSecret from the apps config,
// and the server-only modules that handle them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const appsFile = process.env.DIRECT_CHAT_APPS ?? 'server/apps.json';
const secrets = JSON.parse(readFileSync(appsFile, 'utf8')).apps.map((app) => app.appSecret);
const markers = ['appSecret', 'timingSafeEqual', 'better-sqlite3', ...secrets];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let found = 0;
let scanned = 0;
for (const root of ['dist/direct', 'dist/console']) {
  let entries;
  try {
    entries = [...files(root)];
  } catch {
    continue;
  }
  for (const path of entries) {
    scanned++;
    const text = readFileSync(path, 'utf8');
    for (const marker of markers) {
      if (text.includes(marker)) {
        console.log(`SECRET  ${path} contains ${marker === 'appSecret' || !secrets.includes(marker) ? marker : 'an AppSecret'}`);
        found++;
      }
    }
  }
}
console.log(`${found === 0 ? 'ok  ' : 'FAIL'}  ${scanned} browser files scanned for ${secrets.length} app secrets and server-only code`);
process.exit(found === 0 && scanned > 0 ? 0 : 1);
