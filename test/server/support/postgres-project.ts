import { connect } from 'node:net';
import type { TestProjectInlineConfiguration } from 'vitest/config';

export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:55432/postgres';

/**
 * The `server-pg` vitest project: the whole server suite again, on PostgreSQL. It needs a reachable cluster
 * (`scripts/postgres-cluster.sh start`, or DIRECT_CHAT_TEST_POSTGRES_URL). Without one it is left out with a
 * message, except in CI (CI=true), where a missing PostgreSQL fails the run.
 */
export async function postgresTestProjects(
  env: NodeJS.ProcessEnv,
  serverProject: { include: string[] },
): Promise<TestProjectInlineConfiguration[]> {
  const url = env.DIRECT_CHAT_TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;
  if (!(await reachable(url))) {
    const message = `PostgreSQL is not reachable at ${url}: start one with scripts/postgres-cluster.sh start`;
    if (env.CI === 'true') throw new Error(`${message} (CI=true: the PostgreSQL half of the server suite must run)`);
    console.warn(`\n[server-pg] skipped: ${message}\n`);
    return [];
  }
  return [
    {
      extends: true,
      test: {
        name: 'server-pg',
        environment: 'node',
        include: [...serverProject.include, 'test/server/postgres/**/*.test.ts'],
        env: { DIRECT_CHAT_TEST_POSTGRES_URL: url },
        // Every query is a round trip to another process, which shares the CPU with the SQLite half of the suite.
        testTimeout: 20_000,
        hookTimeout: 60_000,
        globalSetup: ['test/server/support/postgres-global-setup.ts'],
      },
    },
  ];
}

function reachable(databaseUrl: string): Promise<boolean> {
  const { hostname, port } = new URL(databaseUrl);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432), timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
