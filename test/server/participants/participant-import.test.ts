import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { naughtyStrings } from '../../support/naughty-strings';
import { agent } from '../support/api-client';
import { AGENT_TOKEN, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.destroy();
});

const importCsv = (csv: string | Uint8Array<ArrayBuffer>, contentType = 'text/csv; charset=utf-8') =>
  fetch(`${server.url}/api/agent/apps/demo_app/participants/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${AGENT_TOKEN}`, 'content-type': contentType },
    body: csv,
  }).then(async (response) => ({ status: response.status, body: await response.json() }));
const find = (externalId: string) => server.context.store.participants.find('demo_app', externalId);

describe('POST participants/import (text/csv)', () => {
  it('reads a BOM, CRLF, quoted commas, quotes and newlines; other columns are attributes; empty cells are absent', async () => {
    const csv =
      '\uFEFFexternal_id,Email,phone,locale,subscribed,plan,note\r\n' +
      'c-1,ann@example.com,+44 20 7946 0958,pt-BR,yes,gold,"Paris, FR"\r\n' +
      'c-2,,,,no,,"said ""hi""\r\nthen left"\r\n' +
      '\r\n' +
      'c-3,bob@example.com,,EN,,silver,\r\n';
    const answer = await importCsv(csv);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ created: 3, updated: 0, rejected: [] });
    expect(await find('c-1')).toMatchObject({ email: 'ann@example.com', phone: '+442079460958', locale: 'pt', subscribed: true, attributes: { plan: 'gold', note: 'Paris, FR' } });
    expect(await find('c-2')).toMatchObject({ email: null, subscribed: false, attributes: { note: 'said "hi"then left' } });
    // (Attribute values drop control characters, line breaks included, like deep-link attributes.)
    expect(await find('c-3')).toMatchObject({ locale: 'en', attributes: { plan: 'silver' } });

    // An empty cell leaves the field as it is.
    const update = await importCsv('external_id,email,locale\nc-1,,de\n');
    expect(update.body).toEqual({ created: 0, updated: 1, rejected: [] });
    expect(await find('c-1')).toMatchObject({ email: 'ann@example.com', locale: 'de' });
  });

  it('reports rejected rows by the file line they start on, with the column and reason', async () => {
    const csv = [
      'external_id,email,phone,locale,subscribed,plan', // line 1
      'r-1,r1@example.com,,,,', // 2
      'r-2,"multi', // 3
      'line@example.com",,,,', // 4: the row of line 3 goes on here and has a bad email
      'r-3,,12345,,,', // 5
      '', // 6: empty lines are skipped
      'r-4,,,xx-YY,,', // 7
      'r-5,,,,maybe,', // 8
      'r-6,,', // 9: too few cells
      'bad id,,,,,', // 10
      'r-1,,,,,', // 11: a twin of line 2
      'r-7,,,fr-CA,,', // 12
    ].join('\n');
    const answer = await importCsv(csv);
    expect(answer.status).toBe(200);
    expect(answer.body.created).toBe(2);
    expect(answer.body.rejected.map((r: { row: number; pointer: string; code: string }) => [r.row, r.pointer, r.code])).toEqual([
      [3, '/email', 'invalid_email'],
      [5, '/phone', 'invalid_phone'],
      [7, '/locale', 'invalid_locale'],
      [8, '/subscribed', 'invalid_subscribed'],
      [9, '', 'invalid_csv_row'],
      [10, '/externalId', 'invalid_external_id'],
      [11, '/externalId', 'duplicate_external_id'],
    ]);
    expect(answer.body.rejected[0]).toMatchObject({ externalId: 'r-2', message: expect.any(String) });
    expect(await find('r-7')).toMatchObject({ locale: 'fr' });
  });

  it('keeps naughty strings as attribute values through CSV quoting', async () => {
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const values = naughtyStrings.filter((text) => text.trim() !== '');
    const csv = ['external_id,text', ...values.map((text, i) => `n-${i},${quote(text)}`)].join('\r\n');
    const answer = await importCsv(csv);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: values.length, rejected: [] });
    const sample = values.findIndex((text) => text.includes('<script>'));
    expect((await find(`n-${sample}`))?.attributes.text).toBe(values[sample].trim());
  });

  it('refuses a file it cannot read with 400 and a reason, never a 500', async () => {
    const cases: [string | Uint8Array<ArrayBuffer>, RegExp][] = [
      ['', /empty/],
      ['email\nx@example.com\n', /external_id/],
      ['external_id,plan,plan\nx,a,b\n', /appears twice/],
      ['external_id,bad column\nx,a\n', /bad column/],
      ['external_id\n"unclosed\n', /not valid CSV/],
      ['external_id\n', /no participants/],
      [new Uint8Array([0x65, 0x78, 0x0a, 0xff, 0xfe]), /UTF-8/],
    ];
    for (const [csv, message] of cases) {
      const answer = await importCsv(csv);
      expect(answer.status, String(csv)).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(message) });
    }
    expect((await importCsv('external_id\nx\n', 'application/json')).status).toBe(415);
    const tooMany = await importCsv(['external_id', ...Array.from({ length: 5001 }, (_, i) => `t${i}`)].join('\n'));
    expect([tooMany.status, tooMany.body.error.code]).toEqual([422, 'too_many_rows']);
    const tooLarge = await importCsv(`external_id,blob\nx,${'a'.repeat(5 * 1024 * 1024)}\n`);
    expect([tooLarge.status, tooLarge.body.error.code]).toEqual([413, 'payload_too_large']);
  });

  it('needs an owner or admin: another app\'s admin gets 404 before the file is read', async () => {
    const token = (await agent(server.url, '/agents', { body: { name: 'csv-partner', displayName: 'Pat', role: 'admin', apps: ['partner_app'] } })).body.token;
    const response = await fetch(`${server.url}/api/agent/apps/demo_app/participants/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: 'external_id\nsneaky\n',
    });
    expect(response.status).toBe(404);
    expect(await find('sneaky')).toBeUndefined();
  });
});
