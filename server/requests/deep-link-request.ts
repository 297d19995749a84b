import * as v from 'valibot';
import {
  attributeProblems,
  attributesSizeProblem,
  type AttributeValue,
} from '../deep-links/attribute-rules';
import { ApiError } from '../http/api-error';

// POST /public/api/generate-webchat-deep-link. Every message of this schema is a detail code: a refused request lists
// each problem as {"pointer": "/dataset/3/attributes/address", "code": "nested_object"}.

export const USER_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;
const SCENARIO_ID_MAX = 128;
/** At most this many problems are listed; the rest are left out. */
const MAX_DETAILS = 100;

export interface DeepLinkUserRequest {
  userId?: string;
  attributes: Record<string, AttributeValue>;
}

export interface GenerateRequest {
  scenarioId: string;
  users: DeepLinkUserRequest[];
  expiresInDays?: number;
}

export interface GenerateLimits {
  maxUsers: number;
  maxDays: number;
}

export interface ValidationDetail {
  pointer: string;
  code: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

type PathItem = v.IssuePathItem;
const objectKey = (input: Record<string, unknown>, key: string): PathItem =>
  ({ type: 'object', origin: 'value', input, key, value: input[key] }) as PathItem;
const arrayIndex = (input: unknown[], key: number): PathItem => ({ type: 'array', origin: 'value', input, key, value: input[key] }) as PathItem;

export const attributesSchema = v.pipe(
  v.custom<Record<string, unknown>>(isPlainObject, 'invalid_type'),
  v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const attributes = dataset.value;
    for (const problem of attributeProblems(attributes)) {
      const value = attributes[problem.key];
      const path: [PathItem, ...PathItem[]] = [objectKey(attributes, problem.key)];
      if (problem.item !== undefined && Array.isArray(value)) path.push(arrayIndex(value, problem.item));
      addIssue({ message: problem.code, path });
    }
  }),
  v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = attributesSizeProblem(dataset.value);
    if (problem) addIssue({ message: problem });
  }),
);

const userSchema = v.strictObject(
  {
    user_id: v.optional(v.pipe(v.string('invalid_type'), v.regex(USER_ID_PATTERN, 'invalid_user_id'))),
    attributes: v.optional(attributesSchema),
  },
  'invalid_type',
);

function requestSchema(limits: GenerateLimits) {
  return v.strictObject(
    {
      scenario_id: v.pipe(v.string('required'), v.minLength(1, 'required'), v.maxLength(SCENARIO_ID_MAX, 'invalid_scenario_id')),
      dataset: v.pipe(
        v.array(userSchema, 'invalid_type'),
        v.minLength(1, 'empty'),
        v.rawCheck(({ dataset, addIssue }) => {
          if (!dataset.typed) return;
          const seen = new Set<string>();
          dataset.value.forEach((user, index) => {
            if (user.user_id === undefined) return;
            if (seen.has(user.user_id)) {
              const entry = dataset.value[index] as Record<string, unknown>;
              addIssue({ message: 'duplicate_user_id', path: [arrayIndex(dataset.value, index), objectKey(entry, 'user_id')] });
            }
            seen.add(user.user_id);
          });
        }),
      ),
      expires_in_days: v.optional(
        v.pipe(v.number('invalid_type'), v.integer('invalid_type'), v.minValue(1, 'out_of_range'), v.maxValue(limits.maxDays, 'out_of_range')),
      ),
    },
    'invalid_type',
  );
}

/** RFC 6901: `~` and `/` inside a key are escaped. */
export function jsonPointer(path: readonly { key: unknown }[] | undefined): string {
  return (path ?? []).map((item) => `/${String(item.key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function detailOf(issue: v.BaseIssue<unknown>): ValidationDetail {
  // strictObject reports an unknown key as its own issue, with the key in the path.
  let code = issue.message;
  if (issue.type === 'strict_object' && issue.expected === 'never') code = 'unknown_field';
  else if (issue.kind === 'schema' && issue.input === undefined) code = 'required';
  return { pointer: jsonPointer(issue.path), code };
}

/**
 * The request as the domain needs it, or 422: too_many_users (checked first, so a huge dataset is not walked) or
 * validation_error with every problem's pointer and code.
 */
export function parseGenerateRequest(body: unknown, limits: GenerateLimits): GenerateRequest {
  if (isPlainObject(body) && Array.isArray(body.dataset) && body.dataset.length > limits.maxUsers) {
    throw new ApiError(422, 'too_many_users', `The dataset may hold at most ${limits.maxUsers} users per request`, {}, { max: limits.maxUsers });
  }
  const result = v.safeParse(requestSchema(limits), body);
  if (!result.success) {
    const details = result.issues.slice(0, MAX_DETAILS).map(detailOf);
    throw new ApiError(422, 'validation_error', 'The request has invalid fields; see details', {}, details);
  }
  const { scenario_id, dataset, expires_in_days } = result.output;
  return {
    scenarioId: scenario_id,
    users: dataset.map((user) => ({
      ...(user.user_id === undefined ? {} : { userId: user.user_id }),
      attributes: (user.attributes ?? {}) as Record<string, AttributeValue>,
    })),
    ...(expires_in_days === undefined ? {} : { expiresInDays: expires_in_days }),
  };
}
