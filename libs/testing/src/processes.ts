import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

/** The repository root, where dist/ is (built by the e2e global setup). */
export const REPO_ROOT = join(__dirname, '..', '..', '..');

/**
 * A port nobody listens on right now, below the kernel's ephemeral range (32768+): a port the OS picked from that
 * range could be taken, before the child listens on it, by one of the many outgoing connections (PostgreSQL,
 * Redis) that processes open meanwhile, and the child would fail with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
    if (attempt > 200) throw new Error('no free port below 32000');
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/** Resolves when the child has exited (at once when it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The environment of a built Bisang process (dist/) on this run's database and Redis prefix. */
export function runEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: process.env.REDIS_PREFIX,
    STATE_DIR: process.env.STATE_DIR,
    ...extra,
  };
}

/** A connected client on this run's database, for checking what was (not) written. */
export async function connectTestDb(): Promise<Client> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  return db;
}

/** Deletes every Redis key under `prefix:` (a test run's or a benchmark's own keys). */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
