import { Visitor, parseSync, type Plugin } from 'vite';

// i18next's logger prints these only with `debug: true`, which the page never sets (error stays: it always prints).
const DEBUG_ONLY_METHODS = new Set(['log', 'warn', 'deprecate', 'once']);

/**
 * Marks i18next's debug-only logging calls (`….logger.warn(…)` and the like) as pure, so the minifier drops the
 * calls and their messages (~1.3 KB gzip of the entry): without `debug` they do nothing.
 */
export function markDebugLogsPure(code: string): string {
  const starts: number[] = [];
  new Visitor({
    CallExpression(node) {
      const { callee } = node;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
      if (!DEBUG_ONLY_METHODS.has(callee.property.name)) return;
      const owner = callee.object;
      if (owner.type === 'MemberExpression' && !owner.computed && owner.property.type === 'Identifier' && owner.property.name === 'logger') {
        starts.push(node.start);
      }
    },
  }).visit(parseSync('i18next.js', code).program);
  return starts.sort((a, b) => b - a).reduce((text, at) => `${text.slice(0, at)}/* @__PURE__ */ ${text.slice(at)}`, code);
}

export function quietI18next(): Plugin {
  return {
    name: 'direct-chat-quiet-i18next',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]node_modules[\\/]i18next[\\/]dist[\\/]esm[\\/]i18next\.js$/ },
      handler: (code) => ({ code: markDebugLogsPure(code), map: null }),
    },
  };
}
