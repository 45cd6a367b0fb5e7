export { AppConfig } from './app-config';
export type { IceConfig, MailConfig, SocketLimits, StorageConfig } from './app-config';
export { ConfigModule } from './config.module';
export { ConfigValidationError, EnvSchema, validateEnv } from './env.schema';
export type { Env } from './env.schema';
export { loadEnv } from './load-env';
