// A personal deep link's code opens a customer's chat: the paths that carry one are logged without it.
const DEEP_LINK_CODE_IN_PATH = /^(\/p\/|\/api\/deep-links\/|\/public\/api\/deep-links\/)[^/]+/;

export function loggablePath(path: string): string {
  return path.replace(DEEP_LINK_CODE_IN_PATH, '$1:code');
}
