import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../server/console/api/api-error';
import {
  emptyInvitationForm,
  firstErrorField,
  invitationBodyFromForm,
  parseExternalIds,
  valuesFromInvitation,
  type InvitationFormValues,
} from '../../../server/console/invitations/invitation-form-values';
import { describeAudience } from '../../../server/console/invitations/invitation-labels';
import { placeholdersIn } from '../../../server/console/invitations/placeholders';
import { fieldFromPointer, serverFieldErrors } from '../../../server/console/invitations/server-field-errors';
import type { AgentInvitation } from '../../../server/invitations/invitation-wire';

const NOW = Date.parse('2026-11-29T10:00:00Z');
const form = (patch: Partial<InvitationFormValues>): InvitationFormValues => ({
  ...emptyInvitationForm(NOW),
  locale: 'de',
  name: 'Test',
  channel: 'sms',
  messages: { de: { subject: '', body: 'Hallo {{name}}: {{link}}' } },
  ...patch,
});

describe('invitation form values', () => {
  it('reads pasted ids one per line, by commas or spaces, each once', () => {
    expect(parseExternalIds(' a-1\nb-2, c-3;a-1  d-4\r\n')).toEqual(['a-1', 'b-2', 'c-3', 'd-4']);
  });

  it('lists placeholders once, in order, with or without inner spaces', () => {
    expect(placeholdersIn('Hi {{ first_name }}, {{link}} {{first_name}} {{ plan.tier }} {{}} {not}')).toEqual(['first_name', 'link', 'plan.tier']);
  });

  it('opens the window now (this minute) for two weeks by default', () => {
    const empty = emptyInvitationForm(Date.parse('2026-11-29T10:00:30Z'));
    expect(new Date(empty.opensAt).toISOString()).toBe('2026-11-29T10:00:00.000Z');
    expect(new Date(empty.closesAt).toISOString()).toBe('2026-12-13T10:00:00.000Z');
  });

  it('builds a body for ids with a counted sample; an SMS message has no subject', () => {
    const checked = invitationBodyFromForm(form({ targetKind: 'ids', externalIds: 'x\ny', sampleKind: 'count', sampleSize: '1' }), NOW);
    expect(checked).toMatchObject({ ok: true, body: { target: { kind: 'ids', externalIds: ['x', 'y'], sample: { count: 1 } }, messages: { de: { body: 'Hallo {{name}}: {{link}}' } }, responseLimit: null } });
    expect(checked.ok && checked.body.messages.de).not.toHaveProperty('subject');
  });

  it('refuses a sample outside its range and a filter without any condition', () => {
    const checked = invitationBodyFromForm(form({ targetKind: 'filter', sampleKind: 'percent', sampleSize: '101' }), NOW);
    expect(checked).toEqual({ ok: false, errors: { conditions: expect.stringContaining('Add a condition'), sampleSize: 'Enter a percentage above 0 and up to 100.' } });
    expect(invitationBodyFromForm(form({ targetKind: 'filter', conditions: [{ key: 'plan', op: 'exists', value: 'ignored' }] }), NOW)).toMatchObject({
      ok: true,
      body: { target: { kind: 'filter', attributes: [{ key: 'plan', op: 'exists' }] } },
    });
  });

  it('ignores an untouched message in another language but checks a started one', () => {
    const checked = invitationBodyFromForm(form({ messages: { de: { subject: '', body: '{{link}}' }, en: { subject: '', body: '' }, fr: { subject: '', body: 'Bonjour' } } }), NOW);
    expect(checked).toEqual({ ok: false, errors: { 'messages.fr.body': 'Put {{link}} where the personal link goes.' } });
  });

  it('focuses fields in the order the form shows them', () => {
    expect(firstErrorField({ 'messages.en.body': 'x', closesAt: 'y', 'conditions.1.key': 'z' })).toBe('closesAt');
  });

  it('round-trips a stored invitation into the form', () => {
    const stored = {
      name: 'N',
      locale: 'fr',
      opensAt: '2026-12-01T08:00:00.000Z',
      closesAt: '2026-12-08T08:00:00.000Z',
      responseLimit: 5,
      target: { kind: 'filter', attributes: [{ key: 'plan', op: 'equals', value: 'gold' }], notChattedInDays: 30, sample: { percent: 10 }, seed: 's' },
      localeMatchOnly: true,
      channel: 'email',
      messages: { fr: { subject: 'S', body: 'B {{link}}' } },
    } as unknown as AgentInvitation;
    const checked = invitationBodyFromForm(valuesFromInvitation(stored), NOW);
    expect(checked).toEqual({ ok: true, body: { ...stored, description: null } });
  });
});

describe('invitation wording and server errors', () => {
  it('names the audience in one sentence', () => {
    expect(describeAudience({ locale: 'ja', localeMatchOnly: false, target: { kind: 'ids', externalIds: ['a'] } })).toBe('1 chosen participant (by external id)');
    expect(describeAudience({ locale: 'ja', localeMatchOnly: true, target: { kind: 'all', sample: { count: 20 } } })).toBe(
      'all subscribed participants, only those whose preferred language is Japanese, a random sample of 20 people',
    );
  });

  it('maps JSON pointers in a 400 onto the form fields', () => {
    expect(fieldFromPointer('/messages/fr/subject')).toBe('messages.fr.subject');
    expect(fieldFromPointer('/target/externalIds/3')).toBe('externalIds');
    expect(fieldFromPointer('/target/sample/percent')).toBe('sampleSize');
    const refused = new ApiError(400, 'invalid_request', 'bad', [{ pointer: '/closesAt', message: 'Too far.' }, { pointer: '/closesAt', message: 'Second.' }, { junk: 1 }]);
    expect(serverFieldErrors(refused)).toEqual({ closesAt: 'Too far.' });
    expect(serverFieldErrors(new ApiError(409, 'conflict', 'x', [{ pointer: '/name', message: 'm' }]))).toBeNull();
  });
});
