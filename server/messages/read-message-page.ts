import type { MessagePage } from '../../src/api/wire';
import type { ApiContext } from '../api-context';
import type { PageQuery } from '../requests/message-request';

/**
 * With only `after`: the oldest messages after it (catching up), hasMore = newer ones remain.
 * Otherwise (`before`, both, or neither): the newest messages below `before`, hasMore = older ones remain.
 * Either way the page is in ascending seq order.
 */
export async function readMessagePage(context: ApiContext, sessionId: string, query: PageQuery): Promise<MessagePage> {
  const window = { after: query.after, before: query.before };
  const forward = query.after !== undefined && query.before === undefined;
  const rows = forward
    ? await context.store.messages.oldest(sessionId, window, query.limit + 1)
    : await context.store.messages.newest(sessionId, window, query.limit + 1);
  const hasMore = rows.length > query.limit;
  const messages = !hasMore ? rows : forward ? rows.slice(0, query.limit) : rows.slice(1);
  return { messages, hasMore };
}
