import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppConfig, isMessage, isSession, isVisitorResponse } from '../../../src/api/wire-guards';
import { naughtyStrings } from '../../support/naughty-strings';
import { WRONG_VALUES, appConfig, linkMessage, session, textMessage, visitorResponse, withField } from './support/wire-samples';

/** For each field: which of WRONG_VALUES (and extra ones) it must refuse. */
function refusesWrongValues(guard: (value: unknown) => boolean, valid: unknown, path: string[], allowed: (value: unknown) => boolean) {
  for (const wrong of WRONG_VALUES) {
    if (allowed(wrong)) continue;
    expect(guard(withField(valid, path, wrong)), `${path.join('.')} = ${JSON.stringify(wrong)}`).toBe(false);
  }
}
const isStringValue = (value: unknown) => typeof value === 'string';
const isOptionalStringValue = (value: unknown) => value === undefined || typeof value === 'string';

const NOT_OBJECTS: unknown[] = [undefined, null, 0, 'x', true, [], [session], () => session];

describe('isSession', () => {
  it('accepts an open and a closed session', () => {
    expect(isSession(session)).toBe(true);
    expect(isSession({ ...session, status: 'closed', lastSeq: 0 })).toBe(true);
  });

  it.each(NOT_OBJECTS)('refuses %j', (value) => {
    expect(isSession(value)).toBe(false);
  });

  it('refuses a wrong or missing value in any field', () => {
    refusesWrongValues(isSession, session, ['id'], isStringValue);
    refusesWrongValues(isSession, session, ['createdAt'], isStringValue);
    refusesWrongValues(isSession, session, ['status'], () => false);
    refusesWrongValues(isSession, session, ['lastSeq'], (value) => value === 0);
    for (const status of ['OPEN', 'ended', '']) expect(isSession({ ...session, status })).toBe(false);
    for (const lastSeq of [-1, 1.5, '3', 2 ** 53, Number.MAX_VALUE]) expect(isSession({ ...session, lastSeq })).toBe(false);
  });
});

describe('isMessage', () => {
  it('accepts a text message, a link message, and every author role', () => {
    expect(isMessage(textMessage(1))).toBe(true);
    expect(isMessage(linkMessage(2))).toBe(true);
    for (const role of ['visitor', 'agent', 'system']) expect(isMessage(textMessage(1, { author: { role } as never }))).toBe(true);
    expect(isMessage(textMessage(1, { clientId: 'client-0001', author: { role: 'visitor' } }))).toBe(true);
    expect(isMessage({ ...textMessage(1), text: '' })).toBe(true);
  });

  it.each(NOT_OBJECTS)('refuses %j', (value) => {
    expect(isMessage(value)).toBe(false);
  });

  it('refuses a wrong or missing value in any field', () => {
    const text = textMessage(1);
    refusesWrongValues(isMessage, text, ['id'], isStringValue);
    refusesWrongValues(isMessage, text, ['seq'], () => false);
    refusesWrongValues(isMessage, text, ['createdAt'], isStringValue);
    refusesWrongValues(isMessage, text, ['kind'], () => false);
    refusesWrongValues(isMessage, text, ['text'], isStringValue);
    refusesWrongValues(isMessage, text, ['clientId'], isOptionalStringValue);
    refusesWrongValues(isMessage, text, ['author'], () => false);
    refusesWrongValues(isMessage, text, ['author', 'role'], () => false);
    refusesWrongValues(isMessage, text, ['author', 'name'], isOptionalStringValue);
    const link = linkMessage(2);
    refusesWrongValues(isMessage, link, ['link'], () => false);
    refusesWrongValues(isMessage, link, ['link', 'url'], isStringValue);
    refusesWrongValues(isMessage, link, ['link', 'title'], isStringValue);
    refusesWrongValues(isMessage, link, ['link', 'imageUrl'], isOptionalStringValue);
    refusesWrongValues(isMessage, link, ['link', 'description'], isOptionalStringValue);
  });

  it('refuses a seq that is not a positive safe integer, an unknown role or kind, and a kind without its body', () => {
    for (const seq of [0, -1, 1.5, '1', 2 ** 53]) expect(isMessage({ ...textMessage(1), seq })).toBe(false);
    expect(isMessage(textMessage(1, { author: { role: 'admin' } as never }))).toBe(false);
    expect(isMessage({ ...textMessage(1), kind: 'image' })).toBe(false);
    expect(isMessage({ ...textMessage(1), kind: 'link' })).toBe(false);
    expect(isMessage({ ...linkMessage(1), kind: 'text' })).toBe(false);
    expect(isMessage({ ...textMessage(1), author: [] })).toBe(false);
  });
});

describe('isAppConfig', () => {
  it('accepts a config, with or without a logo', () => {
    expect(isAppConfig(appConfig)).toBe(true);
    expect(isAppConfig(withField(appConfig, ['branding', 'logoUrl'], undefined))).toBe(true);
  });

  it.each(NOT_OBJECTS)('refuses %j', (value) => {
    expect(isAppConfig(value)).toBe(false);
  });

  it('refuses a wrong or missing value in any field the page renders', () => {
    refusesWrongValues(isAppConfig, appConfig, ['appId'], isStringValue);
    refusesWrongValues(isAppConfig, appConfig, ['name'], isStringValue);
    refusesWrongValues(isAppConfig, appConfig, ['branding'], () => false);
    for (const field of ['title', 'accentColor', 'welcome']) refusesWrongValues(isAppConfig, appConfig, ['branding', field], isStringValue);
    refusesWrongValues(isAppConfig, appConfig, ['branding', 'logoUrl'], isOptionalStringValue);
    refusesWrongValues(isAppConfig, appConfig, ['branding', 'replyTime'], isOptionalStringValue);
  });

  it('takes the team and quick replies as optional, and refuses them in any other shape', () => {
    const isStringListOrNothing = (value: unknown) => value === undefined || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    refusesWrongValues(isAppConfig, appConfig, ['branding', 'quickReplies'], isStringListOrNothing);
    refusesWrongValues(isAppConfig, appConfig, ['team'], (value) => value === undefined || (Array.isArray(value) && value.length === 0));
    expect(isAppConfig(withField(appConfig, ['team'], [{ name: 'Sam', avatarUrl: 3 }]))).toBe(false);
    expect(isAppConfig(withField(appConfig, ['team'], [{ avatarUrl: '/a.png' }]))).toBe(false);
    expect(isAppConfig(withField(appConfig, ['branding', 'quickReplies'], ['ok', 1]))).toBe(false);
  });
});

describe('isVisitorResponse', () => {
  it('accepts a response, with or without a display name', () => {
    expect(isVisitorResponse(visitorResponse)).toBe(true);
    expect(isVisitorResponse(withField(visitorResponse, ['visitor', 'displayName'], undefined))).toBe(true);
  });

  it.each(NOT_OBJECTS)('refuses %j', (value) => {
    expect(isVisitorResponse(value)).toBe(false);
  });

  it('refuses a wrong or missing value in any field', () => {
    refusesWrongValues(isVisitorResponse, visitorResponse, ['visitorToken'], isStringValue);
    refusesWrongValues(isVisitorResponse, visitorResponse, ['visitor'], () => false);
    refusesWrongValues(isVisitorResponse, visitorResponse, ['visitor', 'id'], isStringValue);
    refusesWrongValues(isVisitorResponse, visitorResponse, ['visitor', 'verified'], (value) => typeof value === 'boolean');
    refusesWrongValues(isVisitorResponse, visitorResponse, ['visitor', 'displayName'], isOptionalStringValue);
  });
});

describe('wire guards with anything at all', () => {
  const guards = [isSession, isMessage, isAppConfig, isVisitorResponse];

  it('never throw and answer a boolean (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (value) => {
        for (const guard of guards) expect(typeof guard(value)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('refuse every naughty string, raw and parsed as JSON where it parses', () => {
    for (const naughty of naughtyStrings) {
      let parsed: unknown = naughty;
      try {
        parsed = JSON.parse(naughty);
      } catch {
        // not JSON: the raw string is the hostile value
      }
      for (const guard of guards) {
        expect(guard(naughty)).toBe(false);
        expect(guard(parsed)).toBe(false);
      }
    }
  });

  it('accept naughty strings as the text of a well-formed message, which are rendered as text', () => {
    for (const naughty of naughtyStrings) {
      expect(isMessage(textMessage(1, { text: naughty, author: { role: 'agent', name: naughty } }))).toBe(true);
    }
  });
});
