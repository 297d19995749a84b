import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsError } from '../../server/config/server-settings';
import { startServer } from '../../server/http-server';
import { startupErrorMessage } from '../../server/startup/startup-error';
import { startTestServer, testSettings } from './support/test-server';

async function failureOf(overrides: Parameters<typeof testSettings>[0]) {
  const { settings, scratch } = await testSettings(overrides);
  try {
    await startServer(settings);
  } catch (error) {
    return { error, settings };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  throw new Error('the server started');
}

describe('why the server cannot start, in one line', () => {
  it('names HOST when it cannot be resolved', async () => {
    const { error, settings } = await failureOf({ host: 'no-such-host.invalid' });
    const message = startupErrorMessage(error, settings)!;
    expect(message).toMatch(/^HOST "no-such-host\.invalid" cannot be resolved: set HOST to an address of this machine/);
    expect(message).not.toContain('\n');
  });

  it('names HOST when it is not an address of this machine', async () => {
    const { error, settings } = await failureOf({ host: '192.0.2.1' });
    const message = startupErrorMessage(error, settings)!;
    expect(message).toMatch(/^HOST "192\.0\.2\.1" is not an address of this machine/);
    expect(message).not.toContain('\n');
  });

  it('names the port when it is in use', async () => {
    const running = await startTestServer();
    try {
      const { error, settings } = await failureOf({ port: running.port });
      const message = startupErrorMessage(error, settings)!;
      expect(message).toMatch(new RegExp(`^Port ${running.port} is in use: set PORT to another one`));
      expect(message).not.toContain('\n');
    } finally {
      await running.destroy();
    }
  });

  it('names the data directory when it cannot be written, and what to do', async () => {
    const { settings, scratch } = await testSettings();
    const blocker = join(scratch, 'a-file');
    writeFileSync(blocker, '');
    try {
      const { error } = await failureOf({ dataDir: join(blocker, 'data'), databaseUrl: settings.databaseUrl });
      const message = startupErrorMessage(error)!;
      expect(message).toMatch(/^Cannot write to the data directory .*a-file\/data \(ENOTDIR\): give the server's user write access/);
      expect(message).not.toContain('\n');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('names PostgreSQL when DATABASE_URL cannot be reached, without its password', async () => {
    const { error } = await failureOf({ databaseUrl: 'postgres://chat:s3cret@127.0.0.1:1/directchat' });
    const message = startupErrorMessage(error)!;
    expect(message).toMatch(/^Cannot connect to PostgreSQL at postgres:\/\/chat@127\.0\.0\.1:1\/directchat \(ECONNREFUSED\): start it, or fix DATABASE_URL/);
    expect(message).not.toContain('s3cret');
  });

  it('passes configuration errors through and leaves unexpected ones to the stack trace', () => {
    expect(startupErrorMessage(new SettingsError('PORT must be a whole number'))).toBe('PORT must be a whole number');
    expect(startupErrorMessage(new TypeError('a bug'))).toBeUndefined();
    expect(startupErrorMessage(Object.assign(new Error('odd'), { code: 'EPERM' }))).toBeUndefined();
  });
});
