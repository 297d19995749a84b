import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext } from '../api-context';
import type { RouteParams } from '../http/router';

export interface RouteRequest {
  context: ApiContext;
  request: IncomingMessage;
  response: ServerResponse;
  params: RouteParams;
  query: URLSearchParams;
}

export type RouteHandler = (route: RouteRequest) => void | Promise<void>;
