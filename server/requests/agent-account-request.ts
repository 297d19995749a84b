import * as v from 'valibot';
import { IDENTITY_LIMITS } from '../../src/api/limits';
import { text } from './text-rules';

const role = v.picklist(['owner', 'admin', 'agent'], 'must be owner, admin or agent');
const displayName = v.pipe(text({ max: IDENTITY_LIMITS.name, nonBlank: true, stripControls: true }), v.transform((name) => name.trim()));
const apps = v.pipe(
  v.array(v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an app id')), 'must be a list of app ids'),
  v.maxLength(100, 'must list at most 100 apps'),
  v.transform((ids) => [...new Set(ids)].sort()),
);

/** POST /api/agent/agents */
export const agentCreateSchema = v.strictObject({
  name: v.pipe(v.string('must be a string'), v.regex(/^[a-z0-9._-]{2,40}$/, 'must be 2 to 40 of a-z 0-9 . _ -')),
  displayName,
  role,
  apps,
});

/** PATCH /api/agent/agents/{id}: at least one change. */
export const agentChangeSchema = v.pipe(
  v.strictObject({
    displayName: v.optional(displayName),
    role: v.optional(role),
    apps: v.optional(apps),
    disabled: v.optional(v.boolean('must be true or false')),
  }),
  v.check((change) => Object.keys(change).length > 0, 'must change something'),
);
