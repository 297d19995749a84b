// What the page asks of the server, seen through msw's request events (the requests themselves still reach the server).
import type { SetupServer } from 'msw/node';

const matches = (request: Request, method: string, path: RegExp) => request.method === method && path.test(new URL(request.url).pathname);

/** Every request of this kind from now on, as a clone the test may read (its body, its headers). */
export function recordRequests(faults: SetupServer, method: string, path: RegExp): Request[] {
  const seen: Request[] = [];
  faults.events.on('request:start', ({ request }) => {
    if (matches(request, method, path)) seen.push(request.clone());
  });
  return seen;
}

/** Resolves when the page makes its next request of this kind, so a test acts at that moment instead of after a guess. */
export function nextRequest(faults: SetupServer, method: string, path: RegExp): Promise<Request> {
  return new Promise((resolve) => {
    const listener = ({ request }: { request: Request }) => {
      if (!matches(request, method, path)) return;
      faults.events.removeListener('request:start', listener);
      resolve(request.clone());
    };
    faults.events.on('request:start', listener);
  });
}

/** Resolves once the server has answered the page's next request of this kind (for a stream: once it is open). */
export function nextAnswer(faults: SetupServer, method: string, path: RegExp): Promise<Response> {
  return new Promise((resolve) => {
    const listener = ({ request, response }: { request: Request; response: Response }) => {
      if (!matches(request, method, path)) return;
      faults.events.removeListener('response:bypass', listener);
      resolve(response.clone());
    };
    faults.events.on('response:bypass', listener);
  });
}

export const MESSAGES = /\/sessions\/[^/]+\/messages$/;
export const EVENTS = /\/sessions\/[^/]+\/events$/;
export const SESSIONS = /\/apps\/demo_app\/sessions$/;
