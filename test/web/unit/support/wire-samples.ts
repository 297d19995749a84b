import type { AppConfig, CreateVisitorResponse, Message, Session } from '../../../../src/api/wire';

export const textMessage = (seq: number, overrides: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  seq,
  author: { role: 'agent', name: 'Mia' },
  createdAt: '2026-11-21T10:00:00.000Z',
  kind: 'text',
  text: `message ${seq}`,
  ...overrides,
});

export const linkMessage = (seq: number): Message => ({
  id: `m${seq}`,
  seq,
  author: { role: 'agent' },
  createdAt: '2026-11-21T10:00:00.000Z',
  kind: 'link',
  link: { url: 'https://example.com/offer', title: 'Offer', imageUrl: 'https://example.com/o.png', description: 'Now' },
});

export const session: Session = { id: 's1', status: 'open', createdAt: '2026-11-21T10:00:00.000Z', lastSeq: 3 };

export const appConfig: AppConfig = {
  appId: 'acme',
  name: 'Acme',
  locales: ['en', 'de'],
  defaultLocale: 'en',
  branding: {
    title: 'Acme support',
    accentColor: '#1f5fbf',
    logoUrl: '/logo.png',
    welcome: 'Hi!',
    replyTime: 'Usually replies in a few minutes',
    quickReplies: ['Where is my order?', 'Returns'],
  },
  team: [{ name: 'Sam Lee', avatarUrl: 'https://cdn.example/sam.png' }, { name: 'Ana' }],
};

export const visitorResponse: CreateVisitorResponse = {
  visitorToken: 'token-123',
  visitor: { id: 'v1', verified: true, displayName: 'Ann' },
  identityError: 'replayed',
};

/** Values of every JSON type, and then some: whatever a broken or hostile backend could send in a field. */
export const WRONG_VALUES: unknown[] = [undefined, null, true, 0, -1, 1.5, NaN, Infinity, '', 'x', [], ['x'], {}, { a: 1 }];

/** A deep copy of `value` with the field at `path` set to `replacement` (or deleted when it is undefined). */
export function withField(value: unknown, path: string[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (replacement === undefined) delete target[last];
  else target[last] = replacement;
  return copy;
}
