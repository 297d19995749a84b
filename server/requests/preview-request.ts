import * as v from 'valibot';
import { LINK_LIMITS } from '../../src/api/limits';
import { text } from './text-rules';

/** POST /api/agent/apps/{appId}/previews: {url}, the link the agent is composing (its policy is checked after). */
export const previewLinkSchema = v.strictObject({ url: text({ max: LINK_LIMITS.url, min: 1 }) });
