import { validator } from 'hono/validator';
import type * as v from 'valibot';
import { parseRequest } from '../requests/parse-request';

/** The query checked against a schema (first value of a repeated parameter), for `c.req.valid('query')`. */
export const validQuery = <S extends v.GenericSchema>(schema: S) =>
  validator('query', (_value, c): v.InferOutput<S> => parseRequest(schema, c.req.query(), 'query'));

/** Request headers (lower-case names) checked against a schema, for `c.req.valid('header')`. */
export const validHeaders = <S extends v.GenericSchema>(schema: S) =>
  validator('header', (value): v.InferOutput<S> => parseRequest(schema, value, 'header'));
