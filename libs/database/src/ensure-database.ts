import { Client } from 'pg';

/** Creates the database named in `databaseUrl` when it is missing and the role may create it. */
export async function ensureDatabase(databaseUrl: string): Promise<'created' | 'exists'> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return 'exists';
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return 'created';
  } catch (err) {
    // 42P04: created concurrently by another process
    if ((err as { code?: string }).code === '42P04') return 'exists';
    throw err;
  } finally {
    await client.end();
  }
}

/** Drops a database (tests only), closing other sessions on it first. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
