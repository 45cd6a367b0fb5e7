/** What each Jest worker of a run has to itself: the global setup makes them, the test environment selects them. */
export interface WorkerResources {
  DATABASE_URL: string;
  REDIS_PREFIX: string;
  STATE_DIR: string;
  STORAGE_DIR: string;
}

/**
 * Worker `worker`'s resources, derived from the run's (`BISANG_RUN_*`, set by the global setup): the run's database
 * name, prefix and directory with `_w<worker>` appended.
 */
export function workerResources(env: NodeJS.ProcessEnv, worker: string): Partial<WorkerResources> {
  const { BISANG_RUN_DATABASE_URL: db, BISANG_RUN_REDIS_PREFIX: prefix, BISANG_RUN_STATE_DIR: dir } = env;
  if (!db || !prefix || !dir) return {};
  return {
    DATABASE_URL: workerDatabaseUrl(db, worker),
    REDIS_PREFIX: `${prefix}_w${worker}`,
    STATE_DIR: `${dir}/w${worker}`,
    STORAGE_DIR: `${dir}/w${worker}/uploads`,
  };
}

export function workerDatabaseUrl(runDatabaseUrl: string, worker: string): string {
  const url = new URL(runDatabaseUrl);
  url.pathname = `${url.pathname}_w${worker}`;
  return url.toString();
}
