import { describe, expect, it } from 'vitest';
import type { AgentAccount } from '../../../server/agent-wire';
import { accountFormOf, fieldErrorOf, grantableRoles, toChangeRequest, toCreateRequest } from '../../../server/console/agents/account-form';
import { ApiError, NetworkError } from '../../../server/console/api/api-error';

const account: AgentAccount = {
  id: 'a1',
  name: 'ana',
  displayName: 'Ana',
  role: 'agent',
  apps: ['shop', 'blog'],
  disabled: false,
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
};

describe('the account form', () => {
  it('offers admins the agent role only', () => {
    expect(grantableRoles('owner')).toEqual(['agent', 'admin', 'owner']);
    expect(grantableRoles('admin')).toEqual(['agent']);
  });

  it('sends no apps for an owner and a trimmed name', () => {
    expect(toCreateRequest({ name: ' bo ', displayName: 'Bo', role: 'owner', apps: ['shop'] })).toEqual({
      name: 'bo',
      displayName: 'Bo',
      role: 'owner',
      apps: [],
    });
  });

  it('sends only what changed, whatever the order of the apps', () => {
    expect(toChangeRequest({ ...accountFormOf(account), apps: ['blog', 'shop'] }, account)).toBeUndefined();
    expect(toChangeRequest({ ...accountFormOf(account), apps: ['shop'], role: 'admin' }, account)).toEqual({ role: 'admin', apps: ['shop'] });
    expect(toChangeRequest({ ...accountFormOf(account), displayName: 'Ana S.' }, account)).toEqual({ displayName: 'Ana S.' });
  });

  it("puts the server's refusal on the field it names", () => {
    const refusal = (status: number, code: string, message: string) => new ApiError(status, code as never, message);
    expect(fieldErrorOf(refusal(400, 'invalid_request', 'body.name: must be 2 to 40 of a-z 0-9 . _ -'))).toEqual({
      field: 'name',
      message: 'Must be 2 to 40 of a-z 0-9 . _ -',
    });
    expect(fieldErrorOf(refusal(400, 'invalid_request', 'body.apps.0: must be an app id'))).toEqual({ field: 'apps', message: 'Must be an app id.' });
    expect(fieldErrorOf(refusal(400, 'invalid_request', 'apps: "x" is not hosted here'))?.field).toBe('apps');
    expect(fieldErrorOf(refusal(409, 'conflict', 'exists'))?.field).toBe('name');
    expect(fieldErrorOf(refusal(400, 'invalid_request', 'body.colour is not a known field'))).toBeUndefined();
    expect(fieldErrorOf(refusal(403, 'forbidden', 'no'))).toBeUndefined();
    expect(fieldErrorOf(new NetworkError(new Error('offline')))).toBeUndefined();
  });
});
