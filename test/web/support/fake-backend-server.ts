import { afterAll, afterEach, beforeAll } from 'vitest';
import { setupServer } from 'msw/node';
import { createFakeBackend, type FakeBackend } from './fake-backend';
import { closePage } from './open-page';

/** msw for one test file: a fresh fake backend per test, the page closed and every stream ended after each. */
export function setUpFakeBackendServer() {
  const server = setupServer();
  let current: FakeBackend | undefined;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    closePage();
    current?.dropStreams();
    server.resetHandlers();
    server.events.removeAllListeners();
  });
  afterAll(() => server.close());
  return {
    server,
    newBackend(): FakeBackend {
      current = createFakeBackend();
      server.use(...current.handlers);
      return current;
    },
  };
}
