// Participants for the console tests, in memory behind msw, reading CSV files with the server's own rules.
import { http, HttpResponse } from 'msw';
import type { AgentParticipant } from '../../../server/participants/participant-wire';
import { CsvFileProblem, readParticipantCsv } from '../../../server/participants/participant-csv';
import { checkCsvRows } from '../../../server/requests/participant-request';
import { API, GOOD_TOKEN } from './fake-agent-api';

const error = (status: number, code: string, message = code) => HttpResponse.json({ error: { code, message } }, { status });

export function createFakeParticipantApi({ pageSize = 50 } = {}) {
  // Newest last; listed newest first.
  const participants: AgentParticipant[] = [];
  const uploads: { contentType: string | null; text: string }[] = [];
  const authorized = (request: Request) => request.headers.get('authorization') === `Bearer ${GOOD_TOKEN}`;

  const handlers = [
    http.get(`${API}/apps/:appId/participants`, ({ request }) => {
      if (!authorized(request)) return error(401, 'unauthorized');
      const url = new URL(request.url);
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const after = url.searchParams.get('after');
      const matching = [...participants]
        .reverse()
        .filter((p) => !q || [p.externalId, p.email, p.phone].some((value) => value?.toLowerCase().includes(q)));
      const start = after ? matching.findIndex((p) => p.externalId === after) + 1 : 0;
      const page = matching.slice(start, start + pageSize);
      const next = start + pageSize < matching.length ? page[page.length - 1].externalId : null;
      return HttpResponse.json({ participants: page, next });
    }),
    http.post(`${API}/apps/:appId/participants/import`, async ({ request }) => {
      if (!authorized(request)) return error(401, 'unauthorized');
      const bytes = new Uint8Array(await request.arrayBuffer());
      uploads.push({ contentType: request.headers.get('content-type'), text: new TextDecoder().decode(bytes) });
      let checked;
      try {
        checked = checkCsvRows(readParticipantCsv(bytes));
      } catch (problem) {
        if (problem instanceof CsvFileProblem) return error(400, 'invalid_request', problem.message);
        throw problem;
      }
      let created = 0;
      let updated = 0;
      const now = new Date().toISOString();
      for (const row of checked.rows) {
        const existing = participants.find((p) => p.externalId === row.externalId);
        const fields = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
        if (existing) {
          Object.assign(existing, fields, { updatedAt: now });
          updated += 1;
        } else {
          participants.push({
            email: null,
            phone: null,
            locale: null,
            subscribed: true,
            attributes: {},
            lastChattedAt: null,
            createdAt: now,
            updatedAt: now,
            ...fields,
            externalId: row.externalId,
          });
          created += 1;
        }
      }
      return HttpResponse.json({ created, updated, rejected: checked.rejected });
    }),
  ];
  return { participants, uploads, handlers };
}
