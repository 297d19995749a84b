// A 400 from the invitations API names the refused fields in `details` (JSON pointers into the body, like the
// participants import's rejected rows); here they become the form's field keys, so the message lands on its field.
import { ApiError } from '../api/api-error';
import type { InvitationFieldErrors } from './invitation-form-values';

interface PointedProblem {
  pointer?: unknown;
  path?: unknown;
  message?: unknown;
}

/** `/target/attributes/0/key` → `conditions.0.key`, `/messages/fr/body` → `messages.fr.body`, `/opensAt` → `opensAt`. */
export function fieldFromPointer(pointer: string): string {
  const parts = pointer.replace(/^#?\//, '').split('/').filter(Boolean);
  if (parts[0] === 'target') {
    if (parts[1] === 'attributes') return ['conditions', ...parts.slice(2)].join('.');
    if (parts[1] === 'sample') return 'sampleSize';
    return parts[1] ?? 'conditions';
  }
  // A missing message is pointed at as a whole (/messages/fr): its body field says it.
  if (parts[0] === 'messages' && parts.length === 2) return `messages.${parts[1]}.body`;
  return parts.join('.') || 'name';
}

/** The field messages in an invalid_request answer, or null when it names no field. */
export function serverFieldErrors(error: unknown): InvitationFieldErrors | null {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return null;
  const errors: InvitationFieldErrors = {};
  for (const problem of error.details as PointedProblem[]) {
    const where = typeof problem?.pointer === 'string' ? problem.pointer : typeof problem?.path === 'string' ? problem.path : null;
    if (where === null || typeof problem.message !== 'string') continue;
    errors[fieldFromPointer(where)] ??= problem.message;
  }
  return Object.keys(errors).length ? errors : null;
}
