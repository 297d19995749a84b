import type { IncomingMessage } from 'node:http';
import type { ApiContext } from '../api-context';
import { readBearerToken } from '../auth/bearer-token';
import { hashVisitorToken, wellFormedVisitorToken } from '../auth/visitor-token';
import { ApiError } from '../http/api-error';
import type { VisitorRecord } from '../store/records';

/** The visitor behind `Authorization: Bearer <visitorToken>` for this app, or 401 unauthorized. */
export async function authenticateVisitor(context: ApiContext, appId: string, request: IncomingMessage): Promise<VisitorRecord> {
  const token = wellFormedVisitorToken(readBearerToken(request));
  const visitor = token && (await context.store.visitors.findByTokenHash(appId, hashVisitorToken(token)));
  if (!visitor) {
    throw new ApiError(401, 'unauthorized', 'A valid visitor token is required', { 'WWW-Authenticate': 'Bearer' });
  }
  return visitor;
}
