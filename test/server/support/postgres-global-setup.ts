import type { TestProject } from 'vitest/node';
import { dropLeftoverTestDatabases } from './postgres-databases';

// Runs once before the server-pg project: a clean cluster, whatever an earlier run left behind.
export default async function setup(project: TestProject): Promise<void> {
  await dropLeftoverTestDatabases(project.config.env.DIRECT_CHAT_TEST_POSTGRES_URL as string);
}
