import { invalidRequest } from './api-error';

export interface RequestTarget {
  /** The raw path, still percent-encoded. */
  path: string;
  /** Path segments, percent-decoded; empty segments (from `//` or a trailing `/`) are kept as "". */
  segments: string[];
  query: URLSearchParams;
}

const MAX_TARGET_LENGTH = 8192;

/** Parses the request line's target without trusting it to be a plain path (`//host`, `http://...`, bad escapes). */
export function parseRequestTarget(rawUrl: string | undefined): RequestTarget {
  if (!rawUrl || rawUrl[0] !== '/' || rawUrl.length > MAX_TARGET_LENGTH) throw invalidRequest('Bad request target');
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : rawUrl.slice(queryStart + 1));
  const segments = path.slice(1).split('/').map(decodeSegment);
  return { path, segments, query };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidRequest('Bad percent-encoding in the path');
  }
}
