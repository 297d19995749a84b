import * as v from 'valibot';
import { text } from './text-rules';

/** POST /api/agent/apps/{appId}/api-keys: `{name?}`, a label for people (which system holds the key). */
export const apiKeyCreateSchema = v.pipe(
  v.strictObject({ name: v.optional(text({ max: 80, stripControls: true })) }),
  v.transform(({ name }) => ({ name: name?.trim() || 'API key' })),
);
