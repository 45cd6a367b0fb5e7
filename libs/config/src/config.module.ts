import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { EnvSchema } from './env.schema';
import { loadEnv, readProcessEnv } from './load-env';

/**
 * Validates the environment once at start-up (a bad value stops the process, naming it)
 * and provides AppConfig everywhere. `overrides` let tests and the CLI set values without touching the environment.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(overrides: Record<string, string | number> = {}): DynamicModule {
    let env: EnvSchema | undefined;
    const validate = (raw: Record<string, unknown>) => {
      env = loadEnv({ ...raw, ...stringify(overrides) });
      return { ...env };
    };
    return {
      module: ConfigModule,
      imports: [NestConfigModule.forRoot({ ignoreEnvFile: true, validate, cache: true, load: [() => ({})] })],
      providers: [
        {
          provide: AppConfig,
          useFactory: () => new AppConfig(env ?? loadEnv({ ...readProcessEnv(), ...stringify(overrides) })),
        },
      ],
      exports: [AppConfig],
    };
  }
}

function stringify(values: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
}
