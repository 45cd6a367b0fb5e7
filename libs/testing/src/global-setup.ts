import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * One database and one Redis key prefix per test run, so that runs never see each other's data.
 * The values reach the test files through the environment, which Jest workers inherit.
 * dist/ is brought up to date once here, for the tests that run the built processes (CLI, SIGTERM), and migrates the database.
 */
export default async function globalSetup(): Promise<void> {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/bisang_test_${id}`;
  process.env.DATABASE_URL = base.toString();
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
  await migrateDatabase(process.env.DATABASE_URL);
}
