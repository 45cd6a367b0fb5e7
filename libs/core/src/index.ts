export { CoreModule } from './core.module';
export { HealthModule } from './health/health.module';
export { runHttpProcess } from './run-http-process';
export type { RunOptions } from './run-http-process';
