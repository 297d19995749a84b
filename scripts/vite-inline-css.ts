import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputAsset } from 'rolldown';
import type { Plugin } from 'vite';

export const CSP_FILE = 'csp.json';

/**
 * Moves the page's CSS into index.html, saving a request before the first paint, and writes the style's CSP hash to
 * csp.json so a server can allow exactly that style and no other inline style.
 */
export function inlineCss(): Plugin {
  const hashes: string[] = [];
  const inlined: string[] = [];
  return {
    name: 'direct-chat-inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="([^"]+\.css)"[^>]*>/g, (tag, href: string) => {
          const fileName = href.replace(/^.*?\/(assets\/)/, '$1');
          const asset = bundle[fileName] as OutputAsset | undefined;
          if (!asset || asset.type !== 'asset') return tag;
          const css = String(asset.source).trim();
          delete bundle[fileName];
          inlined.push(fileName);
          hashes.push(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
          return `<style>${css}</style>`;
        });
      },
    },
    writeBundle(options, bundle) {
      if (!options.dir) return;
      writeFileSync(join(options.dir, CSP_FILE), `${JSON.stringify({ styleSrc: hashes }, null, 2)}\n`);
      // A lazy chunk that imports the entry lists the entry's stylesheet among the files to load with it (settled
      // after transformIndexHtml): that file is gone, and the page has the style already. The entry script takes
      // its place in the list (the list is indexed, so nothing may be removed), which is loaded already.
      // With a codeSplitting group holding main.tsx, the entry is that group's chunk: the one index.html loads.
      const html = bundle['index.html'];
      const script = html?.type === 'asset' ? /<script type="module"[^>]*src="[^"]*?(assets\/[^"]+\.js)"/.exec(String(html.source))?.[1] : undefined;
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && (chunk.isEntry || chunk.fileName === script));
      for (const chunk of Object.values(bundle)) {
        if (!entry || chunk.type !== 'chunk' || !inlined.some((name) => chunk.code.includes(`"${name}"`))) continue;
        const code = inlined.reduce((text, name) => text.replaceAll(`"${name}"`, `"${entry.fileName}"`), chunk.code);
        writeFileSync(join(options.dir, chunk.fileName), code);
      }
    },
  };
}
