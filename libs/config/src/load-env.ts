import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvSchema, validateEnv } from './env.schema';

/** Reads the process environment: the one place in Bisang that does. */
export function readProcessEnv(): Record<string, string | undefined> {
  return process.env;
}

/**
 * Validates the environment and fills in the JWT secret: production must set one,
 * local runs get a random one kept under STATE_DIR so tokens survive a restart.
 */
export function loadEnv(raw: Record<string, unknown> = readProcessEnv()): EnvSchema {
  const env = validateEnv(raw);
  if (!env.JWT_SECRET) {
    if (env.NODE_ENV === 'production') {
      throw new Error('Invalid configuration:\n  - JWT_SECRET must be set in production');
    }
    env.JWT_SECRET = localSecret(env.STATE_DIR);
  }
  return env;
}

function localSecret(stateDir: string): string {
  const file = join(stateDir, 'jwt-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch {
    // no secret kept yet
  }
  const secret = randomBytes(48).toString('base64url');
  try {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, secret, { mode: 0o600 });
  } catch {
    // read-only disk: the secret lives as long as this process
  }
  return secret;
}
