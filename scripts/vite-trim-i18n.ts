import { Visitor, parseSync, type Plugin } from 'vite';

// i18next's logger prints these only with `debug: true`, which the page never sets (error stays: it always prints).
const DEBUG_ONLY_METHODS = new Set(['log', 'warn', 'deprecate', 'once']);

/**
 * Marks i18next's debug-only logging calls (`….logger.warn(…)` and the like) as pure, so the minifier drops the
 * calls and their messages: without `debug` they do nothing.
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

/**
 * The language detector registers all its built-in lookups (cookie, query string, storage, path, …) when it starts;
 * it only ever consults those its `order` names (and writes to those `caches` names). This keeps the registration of
 * the `used` ones and removes the others', so the minifier drops their code. Throws when the module no longer has
 * the shape this relies on, rather than build a detector that lacks a lookup.
 */
export function keepDetectorLookups(code: string, used: readonly string[]): string {
  const program = parseSync('detector.js', code).program;
  // `var cookie$1 = { name: 'cookie', lookup(…) {…} }`: each built-in's variable and the name it registers under.
  const names = new Map<string, string>();
  const registrations: { start: number; end: number; variable: string }[] = [];
  new Visitor({
    VariableDeclarator(node) {
      if (node.id.type !== 'Identifier' || node.init?.type !== 'ObjectExpression') return;
      const name = node.init.properties.find((p) => p.type === 'Property' && p.key.type === 'Identifier' && p.key.name === 'name');
      if (name?.type === 'Property' && name.value.type === 'Literal' && typeof name.value.value === 'string') names.set(node.id.name, name.value.value);
    },
    ExpressionStatement(node) {
      const call = node.expression;
      if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.object.type !== 'ThisExpression') return;
      if (call.callee.property.type !== 'Identifier' || call.callee.property.name !== 'addDetector') return;
      const [argument] = call.arguments;
      if (argument?.type === 'Identifier') registrations.push({ start: node.start, end: node.end, variable: argument.name });
    },
  }).visit(program);
  const builtIns = registrations.map(({ variable }) => names.get(variable));
  if (registrations.length === 0 || builtIns.includes(undefined)) throw new Error('the language detector no longer registers its lookups as this build expects');
  return registrations
    .filter(({ variable }) => !used.includes(names.get(variable)!))
    .sort((a, b) => b.start - a.start)
    .reduce((text, { start, end }) => `${text.slice(0, start)}${text.slice(end)}`, code);
}

const I18NEXT = /[\\/]node_modules[\\/]i18next[\\/]dist[\\/]esm[\\/]i18next\.js$/;
const DETECTOR = /[\\/]node_modules[\\/]i18next-browser-languagedetector[\\/]dist[\\/]esm[\\/]i18nextBrowserLanguageDetector\.js$/;

/**
 * Leaves out of the page's bundle the parts of i18next and its language detector that the page's configuration
 * never reaches: i18next's debug logging (~1.7 KB gzip) and the detector's lookups it does not consult (~1.2 KB).
 * `lookups`: the built-in detector lookups the page uses (its detection order and caches).
 */
export function trimI18n({ lookups }: { lookups: readonly string[] }): Plugin {
  return {
    name: 'direct-chat-trim-i18n',
    apply: 'build',
    transform: {
      filter: { id: [I18NEXT, DETECTOR] },
      handler(code, id) {
        return { code: I18NEXT.test(id) ? markDebugLogsPure(code) : keepDetectorLookups(code, lookups), map: null };
      },
    },
  };
}
