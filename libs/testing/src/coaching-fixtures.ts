import { randomBytes, randomUUID } from 'node:crypto';
import { PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { JwtService } from '@nestjs/jwt';
import { TokenService, hashPassword } from '@bisang/auth';
import { AppConfig, validateEnv } from '@bisang/config';
import { HttpClient } from './http-client';
import { PASSWORD } from './factories';
import { connectTestDb } from './processes';

export interface TestPerson {
  id: string;
  role: 'seeker' | 'coach' | 'recruiter' | 'organizer';
  accessToken: string;
}

/** A live fair straight in SQL (Asia/Seoul, started yesterday, ends in 30 days): coaching tests need no fairs API. */
export async function createLiveFair(db: Client, opts: { maxUpcomingCoachingPerSeeker?: number; status?: string } = {}): Promise<string> {
  const slug = `coaching-${randomBytes(6).toString('hex')}`;
  const res = await db.query(
    `INSERT INTO fairs (slug, title, timezone, starts_at, ends_at, hiring_target, max_upcoming_coaching_per_seeker, status, published_at)
     VALUES ($1, '코칭 테스트 박람회', 'Asia/Seoul', now() - interval '1 day', now() + interval '30 days', 150, $2, $3, now())
     RETURNING id`,
    [slug, opts.maxUpcomingCoachingPerSeeker ?? 2, opts.status ?? 'live'],
  );
  return res.rows[0].id;
}

let passwordHash: Promise<string> | undefined;

/**
 * Many accounts at once: one INSERT with one precomputed argon2 hash (registering hundreds through the API
 * would spend most of a test on hashing), each with a signed access token.
 */
export async function createPeople(
  app: NestFastifyApplication | TokenService,
  db: Client,
  role: TestPerson['role'],
  count: number,
): Promise<TestPerson[]> {
  const hash = await (passwordHash ??= hashPassword(PASSWORD));
  const tag = randomBytes(5).toString('hex');
  // People who signed up through the form, so agreed to the privacy consent (the web app would ask them otherwise).
  const res = await db.query(
    `WITH made AS (
       INSERT INTO users (email, password_hash, name, role, birth_date)
       SELECT $1 || '.' || i || '@test.bisang.kr', $2, '테스트 ' || $3 || ' ' || i, $3, CASE WHEN $3 = 'seeker' THEN date '1999-04-01' END
         FROM generate_series(1, $4::int) AS i
       RETURNING id
     ), agreed AS (
       INSERT INTO privacy_consents (user_id, version, agreed_at) SELECT id, $5, now() FROM made
     )
     SELECT id FROM made`,
    [`${role}.${tag}`, hash, role, count, PRIVACY_CONSENT_VERSION],
  );
  const tokens = app instanceof TokenService ? app : app.get(TokenService, { strict: false });
  return Promise.all(
    res.rows.map(async (r: { id: string }) => ({ id: r.id, role, accessToken: await tokens.signAccess({ id: r.id, role }, randomUUID()) })),
  );
}

/** The product's own token service on a given secret: signs tokens that separately started processes accept. */
export function tokenServiceFor(jwtSecret: string): TokenService {
  return new TokenService(new JwtService(), new AppConfig(validateEnv({ JWT_SECRET: jwtSecret })));
}

/** A whole hour at least `hoursAhead` from now, so that windows are in the future and minute-aligned. */
export function hourFromNow(hoursAhead: number): Date {
  const d = new Date(Date.now() + hoursAhead * 3600_000);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

/**
 * Approves a coach for a fair straight in SQL, as an organizer does with POST /fairs/:fairId/coaches/:coachId/approve
 * (tests of the approval itself go through that route).
 */
export async function approveCoach(fairId: string, coachId: string): Promise<void> {
  const db = await connectTestDb();
  try {
    await db.query(
      `INSERT INTO fair_coaches (fair_id, coach_id, status, approved_at) VALUES ($1, $2, 'approved', now())
       ON CONFLICT (fair_id, coach_id) DO UPDATE SET status = 'approved', approved_at = COALESCE(fair_coaches.approved_at, now())`,
      [fairId, coachId],
    );
  } finally {
    await db.end();
  }
}

/** Publishes availability and returns the new slots; a coach is approved for the fair first. */
export async function publishAvailability(
  http: HttpClient,
  coach: TestPerson,
  fairId: string,
  startsAt: Date,
  endsAt: Date,
  slotMinutes = 30,
  bufferMinutes = 0,
): Promise<{ id: string; startsAt: string; endsAt: string }[]> {
  if (coach.role === 'coach') await approveCoach(fairId, coach.id);
  const res = await http.post(
    `/fairs/${fairId}/coaching/availability`,
    { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), slotMinutes, bufferMinutes },
    coach.accessToken,
  );
  if (res.status !== 201) throw new Error(`availability: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.slots;
}

/** Polls until none of the bookings is pending; returns their final states by id. */
export async function settledBookings(db: Client, ids: string[], timeoutMs = 30_000): Promise<Map<string, { status: string; reason: string | null }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await db.query(`SELECT id, status, reason FROM coaching_bookings WHERE id = ANY($1::uuid[])`, [ids]);
    const pending = res.rows.filter((r: { status: string }) => r.status === 'pending').length;
    if ((pending === 0 && res.rows.length === ids.length) || Date.now() > deadline) {
      return new Map(res.rows.map((r: { id: string; status: string; reason: string | null }) => [r.id, { status: r.status, reason: r.reason }]));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
