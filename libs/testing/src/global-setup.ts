import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { workerDatabaseUrl } from './worker-resources';

/**
 * One database and one Redis key prefix per test run and Jest worker, so that runs, and the test files running at
 * once in a run, never see each other's data. The run's database is migrated once and cloned for each worker
 * (PostgreSQL's CREATE DATABASE … TEMPLATE); the test environment (test-environment.ts) points each worker at its
 * clone. The values reach the test files through the environment, which Jest workers inherit.
 * dist/ is brought up to date once here, for the tests that run the built processes (CLI, SIGTERM).
 */
export default async function globalSetup(globalConfig: { maxWorkers?: number }): Promise<void> {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/bisang_test_${id}`;
  const runDatabaseUrl = base.toString();
  process.env.BISANG_RUN_DATABASE_URL = runDatabaseUrl;
  process.env.BISANG_RUN_REDIS_PREFIX = `bt_${id}`;
  process.env.BISANG_RUN_STATE_DIR = `/tmp/bisang-test-${id}`;
  process.env.BISANG_RUN_WORKERS = String(Math.max(1, globalConfig.maxWorkers ?? 1));
  // The run's own values, for code outside a worker (and a run in band, which the environment also points at worker 1).
  process.env.DATABASE_URL = runDatabaseUrl;
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.REDIS_PREFIX = `bt_${id}`;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.STATE_DIR = `/tmp/bisang-test-${id}`;
  // Uploaded files (resumes) of the run's apps: never the working tree's ./var/uploads.
  process.env.STORAGE_DIR = `/tmp/bisang-test-${id}/uploads`;
  const root = join(__dirname, '..', '..', '..');
  execFileSync(process.execPath, ['scripts/build-if-needed.js'], { cwd: root, stdio: 'inherit' });
  // From dist/: Jest's module mapper does not reach a global setup, and the built code resolves @bisang/* itself.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { migrateDatabase } = require(join(root, 'dist', 'libs', 'database', 'src', 'migrate')) as { migrateDatabase: (url: string) => Promise<void> };
  await migrateDatabase(runDatabaseUrl);
  await cloneForWorkers(runDatabaseUrl, Number(process.env.BISANG_RUN_WORKERS));
}

async function cloneForWorkers(runDatabaseUrl: string, workers: number): Promise<void> {
  const admin = new URL(runDatabaseUrl);
  const template = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    for (let w = 1; w <= workers; w++) {
      const name = decodeURIComponent(new URL(workerDatabaseUrl(runDatabaseUrl, String(w))).pathname.slice(1));
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    }
  } finally {
    await client.end();
  }
}
