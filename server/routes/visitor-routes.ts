import { readBearerToken } from '../auth/bearer-token';
import { readJsonBody } from '../http/read-json-body';
import { sendJson } from '../http/send-json';
import { parseVisitorRequest } from '../requests/visitor-request';
import { resolveVisitor } from '../visitors/resolve-visitor';
import { requireApp } from './route-lookups';
import type { RouteHandler } from './route-types';

/** POST /api/apps/{appId}/visitors: an absent or unknown token starts a guest; it is never a 401 here. */
export const createOrResumeVisitor: RouteHandler = async ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const body = parseVisitorRequest(await readJsonBody(request));
  const { status, body: answer } = await resolveVisitor(context, app, readBearerToken(request), body);
  sendJson(response, status, answer);
};
