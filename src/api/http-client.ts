import type { ApiErrorBody, ErrorCode } from './wire';
import type { ApiRequest } from './api-request';
import { ApiFailure } from './api-failure';

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

async function errorCode(response: Response): Promise<ErrorCode | undefined> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    const code = body?.error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Sends the request; resolves the successful Response, or rejects with an ApiFailure saying why. */
export async function send(request: ApiRequest, init: { signal?: AbortSignal } = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: init.signal,
      // The default, spelled out: a preload (Link header) is handed over only to a request of the same credentials mode.
      credentials: 'same-origin',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiFailure('network');
  }
  if (!response.ok) throw new ApiFailure('http', response.status, await errorCode(response), retryAfterMs(response));
  return response;
}

export async function sendJson<T>(request: ApiRequest, init: { signal?: AbortSignal } = {}): Promise<T> {
  const response = await send(request, init);
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiFailure('protocol', response.status);
  }
}
