// What every request builder shares: the request's shape, the app's URLs and the headers. Pure, no network.
export interface ApiRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ApiTarget {
  base: string;
  appId: string;
  token?: string;
}

export function appUrl(target: ApiTarget, path: string, query?: Record<string, string | number | undefined>): string {
  let url = `${target.base}/apps/${encodeURIComponent(target.appId)}${path}`;
  const entries = Object.entries(query ?? {}).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  if (entries.length > 0) url += `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}`;
  return url;
}

function headers(target: ApiTarget, json: boolean): Record<string, string> {
  const result: Record<string, string> = { Accept: 'application/json' };
  if (json) result['Content-Type'] = 'application/json';
  if (target.token) result.Authorization = `Bearer ${target.token}`;
  return result;
}

export const getRequest = (target: ApiTarget, url: string): ApiRequest => ({ method: 'GET', url, headers: headers(target, false) });
export const postRequest = (target: ApiTarget, url: string, body: unknown): ApiRequest => ({
  method: 'POST',
  url,
  headers: headers(target, true),
  body: JSON.stringify(body),
});
