import type { Plugin } from 'vite';

// The module Vite's build imports wherever it wraps a dynamic import in `__vitePreload(load, deps)`.
const HELPER_ID = '\0vite/preload-helper.js';

/**
 * A smaller `__vitePreload` for the page's entry. `deps` are the paths (under `base`) of the stylesheets a lazy chunk
 * needs and of the chunks it imports. Vite's own helper (~0.6 KB gzip, in the entry) also serves CSP nonces, relative
 * bases and browsers without modulepreload; the page needs none of that. This one keeps what it does need: the
 * stylesheets are in before the chunk runs (nothing shows unstyled), the imported chunks are fetched alongside, and a
 * stylesheet that failed is asked for again on the next try (Vite's would take its failed link for a loaded one).
 */
export function preloadHelper(): Plugin {
  let base = '/';
  return {
    name: 'direct-chat-preload-helper',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      base = config.base;
    },
    load(id) {
      if (id !== HELPER_ID) return null;
      return `const requested = {};
const request = (dep) => {
  const href = ${JSON.stringify(base)} + dep;
  const stylesheet = dep.endsWith('.css');
  return (requested[href] ??= new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = stylesheet ? 'stylesheet' : 'modulepreload';
    link.href = href;
    if (stylesheet) {
      link.onload = resolve;
      link.onerror = () => {
        delete requested[href];
        link.remove();
        reject(new Error('Unable to preload CSS for ' + href));
      };
    } else resolve();
    document.head.append(link);
  }));
};
export const __vitePreload = (load, deps) => Promise.all(deps ? deps.map(request) : []).then(load);
`;
    },
  };
}
