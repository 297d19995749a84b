import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AGENT_TOKEN_FILE = 'agent-token';

/** The configured agent token, or the one kept in the data directory, generated on first start. */
export function loadOrCreateAgentToken(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = join(dataDir, AGENT_TOKEN_FILE);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length > 0) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

/** Whether a generated token is already on disk (then a start does not print it again). */
export function agentTokenFileExists(dataDir: string): boolean {
  return existsSync(join(dataDir, AGENT_TOKEN_FILE));
}

/** Constant-time check that does not leak the expected token's length either (both sides are hashed first). */
export function agentTokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(sha256(expected), sha256(given));
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
