import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';

/** Creates the database if needed and applies pending migrations; returns their names. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Reverts the last applied migration; returns its name or null. */
export async function revertLastMigration(databaseUrl: string): Promise<string | null> {
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  await ds.initialize();
  try {
    const before = await ds.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
    await ds.undoLastMigration({ transaction: 'each' });
    return before[0]?.name ?? null;
  } finally {
    await ds.destroy();
  }
}
