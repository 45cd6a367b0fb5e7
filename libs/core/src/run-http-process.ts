import { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, createLogger, installGracefulShutdown } from '@bisang/common';
import { ConfigValidationError, EnvSchema, loadEnv } from '@bisang/config';
import { migrateDatabase } from '@bisang/database';

export interface RunOptions {
  /** Apply pending migrations (creating the database when missing) before serving. */
  migrate?: boolean;
  beforeListen?: (app: NestFastifyApplication, env: EnvSchema) => Promise<void> | void;
  afterListen?: (app: NestFastifyApplication, env: EnvSchema) => Promise<void> | void;
}

/** Boots one Bisang process: validated env, JSON logs, optional migrations, listen on PORT, graceful shutdown. */
export async function runHttpProcess(rootModule: Type<unknown> | DynamicModule, options: RunOptions = {}): Promise<void> {
  let env: EnvSchema;
  try {
    env = loadEnv();
  } catch (err) {
    console.error(err instanceof ConfigValidationError || err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  const logger = createLogger(env.LOG_LEVEL);
  try {
    if (options.migrate) {
      const applied = await migrateDatabase(env.DATABASE_URL);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }
    const app = await createHttpApp(rootModule, {
      logger,
      trustedProxies: env.TRUSTED_PROXIES,
      security: { publicUrl: env.PUBLIC_URL, corsOrigins: env.CORS_ORIGINS },
      beforeListen: (a) => options.beforeListen?.(a, env) });
    await app.listen(env.PORT, '0.0.0.0');
    logger.info({ port: env.PORT }, 'listening');
    installGracefulShutdown(app, env.SHUTDOWN_TIMEOUT_MS);
    await options.afterListen?.(app, env);
  } catch (err) {
    logger.fatal({ err }, 'could not start');
    process.exit(1);
  }
}
