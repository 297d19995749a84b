import type { CreateVisitorResponse, IdentityError, InputVars, Visitor } from '../../src/api/wire';
import { MAX_VARS } from '../../src/api/limits';
import type { ApiContext } from '../api-context';
import { hashVisitorToken, newVisitorToken, wellFormedVisitorToken } from '../auth/visitor-token';
import type { HostedApp } from '../config/apps-config';
import type { VisitorRecord } from '../store/records';
import type { VisitorLookup, VisitorWrite } from '../store/visitor-store';
import { checkSignature } from '../identity/verify-identity';
import { openDeepLink } from '../deep-links/open-deep-link';
import { newRandomId } from '../random-id';
import type { VisitorRequest } from '../requests/visitor-request';

export interface VisitorResolution {
  /** 201 when a new visitor (and token) was issued, 200 when the presented token's visitor continues. */
  status: 200 | 201;
  body: CreateVisitorResponse;
}

/**
 * POST /visitors: resume the token's visitor or start a guest, and apply a signed identity if one verifies.
 * A verified link continues the token's visitor only when that visitor is already bound to the same customer.
 * Otherwise (a guest's token, another customer's) it issues a new visitor and token: verification never turns a
 * guest into the customer, so a guest's sessions (maybe someone else's, on a shared device) never join the
 * customer's, and a leaked guest token never opens them.
 */
export async function resolveVisitor(
  context: ApiContext,
  app: HostedApp,
  presentedToken: string | undefined,
  request: VisitorRequest,
): Promise<VisitorResolution> {
  const token = wellFormedVisitorToken(presentedToken);
  const now = context.clock.now();
  let identityError: IdentityError | undefined;
  let verifiedId: string | undefined;
  // A deep link names its user on the business's authority (its API key): a customer like a verified one.
  const linkedUser = request.deepLink === undefined ? undefined : (await openDeepLink(context, app.appId, request.deepLink)).userId;
  if (request.identity && linkedUser === undefined) {
    const check = checkSignature(request.identity.signed, app.appSecret);
    if (check === 'valid') verifiedId = request.identity.signed.sbs!;
    else identityError = check;
  }
  const lookup: VisitorLookup = { appId: app.appId, tokenHash: token && hashVisitorToken(token) };
  if (verifiedId !== undefined) lookup.nonce = { appId: app.appId, sbs: verifiedId, ranstr: request.identity!.signed.ranstr!, usedAt: now };

  return context.store.visitors.resolve(lookup, ({ current, nonceFresh }) => {
    let customerId = verifiedId;
    if (customerId !== undefined && !nonceFresh) {
      identityError = 'replayed';
      customerId = undefined;
    }
    customerId ??= linkedUser;
    const claims = linkedUser === undefined ? (request.identity?.claims ?? {}) : {};

    if (customerId !== undefined) {
      // A deep link carries no claims: the customer keeps the ones a signed link gave.
      const signed = linkedUser === undefined;
      const displayName = signed ? (claims.name ?? claims.nickname ?? null) : null;
      if (current && token && current.customerId === customerId) {
        const vars = mergeVars(current.vars, request.vars);
        const named = signed ? { displayName, claims } : {};
        const updated = { ...current, customerId, ...named, locale: request.locale, vars, updatedAt: now };
        return { write: { update: updated }, result: respond(200, token, updated, identityError) };
      }
      return issueVisitor(app, request, { customerId, displayName, claims }, now, identityError);
    }

    if (current && token) {
      // Unsigned details never touch a verified visitor; a guest keeps the latest ones as claims.
      const keepClaims = current.customerId !== null || request.identity === undefined;
      const updated = {
        ...current,
        claims: keepClaims ? current.claims : claims,
        locale: request.locale,
        vars: mergeVars(current.vars, request.vars),
        updatedAt: now,
      };
      return { write: { update: updated }, result: respond(200, token, updated, identityError) };
    }
    return issueVisitor(app, request, { customerId: null, displayName: null, claims }, now, identityError);
  });
}

function issueVisitor(
  app: HostedApp,
  request: VisitorRequest,
  who: Pick<VisitorRecord, 'customerId' | 'displayName' | 'claims'>,
  now: string,
  identityError: IdentityError | undefined,
): { write: VisitorWrite; result: VisitorResolution } {
  const token = newVisitorToken();
  const visitor: VisitorRecord = {
    id: newRandomId('v'),
    appId: app.appId,
    ...who,
    locale: request.locale,
    vars: mergeVars({}, request.vars),
    createdAt: now,
    updatedAt: now,
  };
  return { write: { insert: visitor, tokenHash: hashVisitorToken(token) }, result: respond(201, token, visitor, identityError) };
}

function respond(
  status: 200 | 201,
  visitorToken: string,
  record: VisitorRecord,
  identityError: IdentityError | undefined,
): VisitorResolution {
  const body: CreateVisitorResponse = { visitorToken, visitor: toWireVisitor(record) };
  if (identityError) body.identityError = identityError;
  return { status, body };
}

export function toWireVisitor(record: VisitorRecord): Visitor {
  const visitor: Visitor = { id: record.id, verified: record.customerId !== null };
  if (record.displayName) visitor.displayName = record.displayName;
  return visitor;
}

/** Newer values win; when over MAX_VARS, the oldest keys the new link did not mention are dropped first. */
function mergeVars(stored: InputVars, incoming: InputVars | undefined): InputVars {
  if (!incoming) return stored;
  const merged: InputVars = { ...stored, ...incoming };
  const keys = Object.keys(merged);
  const excess = keys.length - MAX_VARS;
  if (excess <= 0) return merged;
  const dropped = new Set(keys.filter((key) => !Object.hasOwn(incoming, key)).slice(0, excess));
  return Object.fromEntries(Object.entries(merged).filter(([key]) => !dropped.has(key)));
}
