import type { IncomingMessage } from 'node:http';
import type { ApiContext } from '../api-context';
import { ApiError } from '../http/api-error';
import { agentTokenMatches } from './agent-token';
import { readBearerToken } from './bearer-token';

export function authenticateAgent(context: ApiContext, request: IncomingMessage): void {
  if (!agentTokenMatches(context.agentToken, readBearerToken(request))) {
    throw new ApiError(401, 'unauthorized', 'A valid agent token is required', { 'WWW-Authenticate': 'Bearer' });
  }
}
