import * as v from 'valibot';
import { invalidRequest } from '../http/api-error';

/** Checks input against a schema: the output, or 400 invalid_request naming the first bad field (`body.link.url`). */
export function parseRequest<S extends v.GenericSchema>(schema: S, input: unknown, where: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  const field = path ? `${where}.${truncate(path)}` : where;
  throw invalidRequest(issue.type === 'strict_object' ? `${field} is not a known field` : `${field}: ${issue.message}`);
}

function truncate(path: string): string {
  return path.length > 60 ? `${path.slice(0, 60)}…` : path;
}
