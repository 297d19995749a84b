import { parseDirectLink } from '../link/direct-link';
import type { ChatControllerOptions } from './chat-controller';

export { ChatController } from './chat-controller';

export type LinkOptions = Pick<ChatControllerOptions, 'chatId' | 'chatIdMalformed' | 'identity' | 'identityMalformed' | 'vars'>;

/**
 * What the page's link asks of the engine, read from the query the page was opened with (the first render needs none
 * of it, so its parsing travels with the engine). Without `withIdentity` (a restarted chat) its identity is not used
 * again.
 */
export function readLinkOptions(search: string, withIdentity: boolean): LinkOptions {
  const link = parseDirectLink(search);
  return {
    chatId: link.chatId,
    chatIdMalformed: link.chatIdMalformed,
    identity: withIdentity ? link.identity : undefined,
    identityMalformed: link.identityMalformed,
    vars: link.vars,
  };
}
