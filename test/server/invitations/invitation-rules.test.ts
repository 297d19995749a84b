import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '../../../server/config/locale-codes';
import { maskAddress } from '../../../server/invitations/address-mask';
import { messageLocaleFor, renderMessage } from '../../../server/invitations/message-rendering';
import { seededSample } from '../../../server/invitations/seeded-sample';
import { isValidSmsCallback, smsCallbackSignature } from '../../../server/invitations/sms-signature';
import { selectAudience, type AudienceRules, type TargetableParticipant } from '../../../server/invitations/targeting';

const NOW = '2026-12-01T12:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

function person(externalId: string, fields: Partial<TargetableParticipant> = {}): TargetableParticipant {
  return { externalId, email: `${externalId}@example.com`, phone: null, locale: 'en', subscribed: true, attributes: {}, lastChattedAt: null, ...fields };
}

const people = [
  person('ann', { attributes: { plan: 'premium', tags: ['vip', 'shoes'], city: 'Paris, FR' }, lastChattedAt: daysAgo(3) }),
  person('bob', { attributes: { plan: 'basic', visits: 3 }, lastChattedAt: daysAgo(45), locale: 'fr' }),
  person('cyd', { attributes: { plan: 'premium' }, subscribed: false }),
  person('dee', { email: null, phone: '+33612345678', attributes: { plan: 'premium' } }),
  person('eli', { locale: null }),
];
const rules = (overrides: Partial<AudienceRules>): AudienceRules => ({ target: { kind: 'all' }, channel: 'email', locale: 'en', localeMatchOnly: false, now: NOW, ...overrides });
const summary = (audience: ReturnType<typeof selectAudience>) => audience.map((member) => `${member.participant.externalId}${member.skipReason ? `:${member.skipReason}` : ''}`);

describe('targeting', () => {
  it('all: everyone, those who cannot receive it marked with why', () => {
    expect(summary(selectAudience(people, rules({})))).toEqual(['ann', 'bob', 'cyd:unsubscribed', 'dee:no_address', 'eli']);
    expect(summary(selectAudience(people, rules({ channel: 'sms' })))).toEqual(['ann:no_address', 'bob:no_address', 'cyd:unsubscribed', 'dee', 'eli:no_address']);
  });

  it('ids: only the listed ones (unknown ids are simply absent)', () => {
    expect(summary(selectAudience(people, rules({ target: { kind: 'ids', externalIds: ['bob', 'cyd', 'zed'] } })))).toEqual(['bob', 'cyd:unsubscribed']);
  });

  it('filter: attribute conditions and chat recency, all of them at once', () => {
    const filter = (target: object) => summary(selectAudience(people, rules({ target: { kind: 'filter', ...target } })));
    expect(filter({ attributes: [{ key: 'plan', op: 'equals', value: 'premium' }] })).toEqual(['ann', 'cyd:unsubscribed', 'dee:no_address']);
    expect(filter({ attributes: [{ key: 'plan', op: 'notEquals', value: 'premium' }] })).toEqual(['bob', 'eli']);
    expect(filter({ attributes: [{ key: 'tags', op: 'contains', value: 'vip' }] })).toEqual(['ann']);
    expect(filter({ attributes: [{ key: 'city', op: 'contains', value: 'paris' }] })).toEqual(['ann']);
    expect(filter({ attributes: [{ key: 'visits', op: 'equals', value: 3 }] })).toEqual(['bob']);
    expect(filter({ attributes: [{ key: 'visits', op: 'exists' }] })).toEqual(['bob']);
    // "has not chatted in 30 days" includes those who never chatted.
    expect(filter({ notChattedInDays: 30 })).toEqual(['bob', 'cyd:unsubscribed', 'dee:no_address', 'eli']);
    expect(filter({ chattedInDays: 7 })).toEqual(['ann']);
    expect(filter({ attributes: [{ key: 'plan', op: 'equals', value: 'premium' }], notChattedInDays: 30 })).toEqual(['cyd:unsubscribed', 'dee:no_address']);
  });

  it('the locale switch: only participants whose preferred locale is the engagement locale', () => {
    expect(summary(selectAudience(people, rules({ localeMatchOnly: true })))).toEqual(['ann', 'bob:locale_mismatch', 'cyd:unsubscribed', 'dee:no_address', 'eli:locale_mismatch']);
    expect(summary(selectAudience(people, rules({ localeMatchOnly: true, locale: 'fr' })))).toEqual(['ann:locale_mismatch', 'bob', 'cyd:unsubscribed', 'dee:no_address', 'eli:locale_mismatch']);
  });
});

describe('seeded sampling', () => {
  const many = Array.from({ length: 200 }, (_, index) => person(`user_${index}`));
  const ids = (audience: ReturnType<typeof selectAudience>) => audience.filter((member) => !member.skipReason).map((member) => member.participant.externalId);

  it('is reproducible: the same seed and audience give the same people, whatever the input order', () => {
    const sample = rules({ target: { kind: 'all', sample: { count: 20 }, seed: 'seed-1' } });
    const first = ids(selectAudience(many, sample));
    expect(first).toHaveLength(20);
    expect(ids(selectAudience([...many].reverse(), sample))).toEqual(first);
    expect(ids(selectAudience(many, rules({ target: { kind: 'all', sample: { count: 20 }, seed: 'seed-2' } })))).not.toEqual(first);
  });

  it('takes a percentage, draws only among those who can receive it, and keeps its picks when others join', () => {
    const withSkipped = [...many, person('zz_unsubscribed', { subscribed: false })];
    const audience = selectAudience(withSkipped, rules({ target: { kind: 'all', sample: { percent: 10 }, seed: 's' } }));
    expect(ids(audience)).toHaveLength(20);
    const picked = seededSample(many, (p) => p.externalId, 's', { count: 20 }).map((p) => p.externalId);
    const grown = seededSample([...many, ...Array.from({ length: 50 }, (_, i) => person(`late_${i}`))], (p) => p.externalId, 's', { count: 20 }).map((p) => p.externalId);
    // Newcomers may displace some picks, but everyone kept from the old sample keeps their place.
    expect(grown.filter((id) => !id.startsWith('late_'))).toEqual(picked.slice(0, grown.filter((id) => !id.startsWith('late_')).length));
  });
});

describe('messages', () => {
  const messages = {
    en: { subject: 'Hi {{name}}', body: 'Hello {{ name }}, your {{plan}} desk: {{link}} {{missing}}!' },
    fr: { subject: 'Bonjour {{name}}', body: 'Bonjour {{name}} : {{link}}' },
  };

  it('picks the preferred locale when there is a message in it, else the engagement locale', () => {
    expect(messageLocaleFor(messages, 'fr', 'en')).toBe('fr');
    expect(messageLocaleFor(messages, 'de', 'en')).toBe('en');
    expect(messageLocaleFor(messages, null, 'en')).toBe('en');
  });

  it('fills {{link}} and {{attribute}} placeholders; a missing one becomes nothing; a subject stays one line', () => {
    const rendered = renderMessage(messages, 'en', { link: 'https://chat.example/p/abc', attributes: { name: 'Ann\r\nBcc: x@y', plan: ['gold', 'vip'] } });
    expect(rendered.subject).toBe('Hi Ann Bcc: x@y');
    expect(rendered.body).toBe('Hello Ann\r\nBcc: x@y, your gold, vip desk: https://chat.example/p/abc !');
  });
});

describe('address masking and SMS callback signatures', () => {
  it('masks addresses for the console', () => {
    expect(maskAddress('john@example.com')).toBe('j***@example.com');
    expect(maskAddress('+33612345678')).toBe('+33*******78');
  });

  it('accepts only the signature of the full URL and sorted parameters with the auth token', () => {
    const url = 'https://chat.example/hooks/sms-status';
    const params = { MessageStatus: 'delivered', MessageSid: 'SM1' };
    const signature = smsCallbackSignature('token', url, params);
    expect(isValidSmsCallback('token', url, params, signature)).toBe(true);
    expect(isValidSmsCallback('other', url, params, signature)).toBe(false);
    expect(isValidSmsCallback('token', url, { ...params, MessageStatus: 'failed' }, signature)).toBe(false);
    expect(isValidSmsCallback('token', `${url}?x=1`, params, signature)).toBe(false);
    expect(isValidSmsCallback('token', url, params, undefined)).toBe(false);
  });
});

describe('the unsubscribe page texts', () => {
  const read = (code: string) => JSON.parse(readFileSync(resolve(__dirname, `../../../locales/${code}/unsubscribe.json`), 'utf8')) as Record<string, string>;
  const en = read('en');
  it.each(LOCALE_CODES)('%s has every text of en, with the same placeholders, and no HTML', (code) => {
    const texts = read(code);
    expect(Object.keys(texts).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(texts)) {
      expect(text.trim(), key).not.toBe('');
      expect(text.match(/\{\{\w+\}\}/g) ?? [], key).toEqual(en[key]!.match(/\{\{\w+\}\}/g) ?? []);
      expect(text, key).not.toMatch(/[<>&]/);
    }
  });
});
