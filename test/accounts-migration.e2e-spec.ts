import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS, dataSourceOptions, migrateDatabase } from '@bisang/database';

/**
 * The accounts migrations on data written before them: e-mails brought to their normal form (duplicates set
 * aside, never lost), and coaches who already had slots in a fair approved there.
 */
describe('account migrations on existing data', () => {
  const url = new URL(process.env.DATABASE_URL!);
  const name = `${url.pathname.slice(1)}_legacy`;
  url.pathname = `/${name}`;
  const legacyUrl = url.toString();
  const admin = () => {
    const u = new URL(legacyUrl);
    u.pathname = '/postgres';
    return new Client({ connectionString: u.toString() });
  };

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
  });
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  it('normalises e-mails, keeps the oldest of a collision, and approves coaches who already had slots', async () => {
    const before = MIGRATIONS.findIndex((m) => m.name === 'NormalizeUserEmails1764620000001');
    expect(before).toBeGreaterThan(0);
    const ds = new DataSource({ ...dataSourceOptions(legacyUrl), migrations: MIGRATIONS.slice(0, before) });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();

    const db = new Client({ connectionString: legacyUrl });
    await db.connect();
    try {
      const insert = async (email: string, role = 'coach', age = 0) =>
        (
          await db.query(
            `INSERT INTO users (email, password_hash, name, role, created_at) VALUES ($1, 'x', 'x', $2, now() - make_interval(days => $3)) RETURNING id`,
            [email, role, age],
          )
        ).rows[0].id as string;
      const older = await insert('ｍｉｎｊｉ@test.bisang.kr', 'coach', 2); // full-width, the first account
      const newer = await insert('minji@test.bisang.kr', 'coach', 1);
      const plain = await insert('kim@test.bisang.kr');
      const fair = (
        await db.query(
          `INSERT INTO fairs (slug, title, timezone, starts_at, ends_at, hiring_target, status, published_at)
           VALUES ('legacy', '기존 박람회', 'Asia/Seoul', now(), now() + interval '30 days', 10, 'live', now()) RETURNING id`,
        )
      ).rows[0].id as string;
      await db.query(
        `INSERT INTO coaching_slots (fair_id, coach_id, starts_at, ends_at) VALUES ($1, $2, now() + interval '1 day', now() + interval '1 day 30 minutes')`,
        [fair, plain],
      );

      await migrateDatabase(legacyUrl);

      const emails = new Map((await db.query(`SELECT id, email FROM users`)).rows.map((r) => [r.id as string, r.email as string]));
      expect(emails.get(older)).toBe('minji@test.bisang.kr');
      expect(emails.get(newer)).toBe(`minji@test.bisang.kr#duplicate-${newer}`);
      expect(emails.get(plain)).toBe('kim@test.bisang.kr');
      const approvals = (await db.query(`SELECT coach_id, status FROM fair_coaches WHERE fair_id = $1`, [fair])).rows;
      expect(approvals).toEqual([{ coach_id: plain, status: 'approved' }]);
    } finally {
      await db.end();
    }
  });
});
