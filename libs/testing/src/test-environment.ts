import { TestEnvironment } from 'jest-environment-node';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { workerResources } from './worker-resources';

/**
 * The e2e tests' environment: before Jest copies `process.env` into a test file's sandbox, the worker's own database,
 * Redis prefix and state directory replace the run's. Test files in parallel workers then never share a database,
 * a BullMQ queue or a domain-event relay (a worker of one file would otherwise take another file's jobs, sending its
 * mails to the wrong SMTP server). Child processes (built CLI, drill) inherit the same values from the real env.
 */
export default class BisangTestEnvironment extends TestEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    Object.assign(process.env, workerResources(process.env, process.env.JEST_WORKER_ID ?? '1'));
    super(config, context);
  }
}
