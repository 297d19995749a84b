import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { ApiError, invalidRequest } from '../http/api-error';
import { json } from '../http/json-response';
import { limitBodyTo, readJsonValue } from '../http/read-json-body';
import { managerOfApp } from '../http/route-guards';
import { PARTICIPANT_LIMITS, type ParticipantImportReport, type ParticipantListResponse } from '../participants/participant-wire';
import { saveParticipants, toAgentParticipant } from '../participants/participants';
import { checkCsvRows, parseParticipantArray } from '../requests/participant-request';
import { CsvFileProblem, readParticipantCsv, type CsvRow } from '../participants/participant-csv';

/** Routes whose bodies may be larger than the API's usual limit: read here, after the caller is known. */
export const LARGE_BODY_PATH = /^\/api\/agent\/apps\/[^/]+\/participants(?:\/import)?$/;
const CSV_MEDIA_TYPE = /^text\/csv\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const participantBodyLimit = limitBodyTo(() => PARTICIPANT_LIMITS.bodyBytes);

/** Mounted at /api/agent: an owner's or admin's participants of an app (see server/participants/participant-wire.ts). */
export const participantRoutes = new Hono<AppEnv>()
  /** PUT /apps/{appId}/participants: a JSON array upserted by externalId → 200 with the rejected rows. */
  .put('/apps/:appId/participants', managerOfApp, participantBodyLimit, async (c) => {
    const { context, app } = c.var;
    const body: ParticipantImportReport = await saveParticipants(context, app.appId, parseParticipantArray(readJsonValue(c)));
    return json(c, 200, body);
  })
  /** POST /apps/{appId}/participants/import: a text/csv file, the same upsert and report (rows are file lines). */
  .post('/apps/:appId/participants/import', managerOfApp, participantBodyLimit, async (c) => {
    const { context, app } = c.var;
    if (!CSV_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) throw new ApiError(415, 'unsupported_media_type', 'Send the file as text/csv');
    let rows: CsvRow[];
    try {
      rows = readParticipantCsv(c.var.body ?? new Uint8Array());
    } catch (error) {
      if (error instanceof CsvFileProblem) throw invalidRequest(error.message);
      throw error;
    }
    const body: ParticipantImportReport = await saveParticipants(context, app.appId, checkCsvRows(rows));
    return json(c, 200, body);
  })
  /** GET /apps/{appId}/participants?q=&limit=&after=: newest first. */
  .get('/apps/:appId/participants', managerOfApp, async (c) => {
    const { context, app } = c.var;
    const limit = parsePageSize(c.req.query('limit'));
    const { participants, next } = await context.store.participants.page(app.appId, {
      query: c.req.query('q'),
      limit,
      after: c.req.query('after') || undefined,
    });
    const body: ParticipantListResponse = { participants: participants.map(toAgentParticipant), next };
    return json(c, 200, body);
  });

function parsePageSize(text: string | undefined): number {
  if (text === undefined || text === '') return PARTICIPANT_LIMITS.pageSize;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1 || size > PARTICIPANT_LIMITS.maxPageSize) {
    throw invalidRequest(`query.limit: must be a whole number from 1 to ${PARTICIPANT_LIMITS.maxPageSize}`);
  }
  return size;
}
