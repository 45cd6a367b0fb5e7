import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { rowsOf } from './sql-rows';

/** One entry of a user's calendar feed: a booking they have (as the seeker or the coach), confirmed or held. */
export interface FeedBooking {
  id: string;
  /** The first booking of its chain of reschedulings: the calendar UID the mails used too. */
  rootId: string;
  reschedules: number;
  kind: 'coaching' | 'interview';
  status: string;
  startsAt: Date;
  endsAt: Date;
  fairTitle: string;
  timezone: string;
  otherName: string;
  role: 'seeker' | 'coach';
}

@Injectable()
export class CalendarFeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The user's current feed version, made on first use. Null when the user does not exist. */
  async version(userId: string): Promise<string | null> {
    const [row] = rowsOf<{ v: string }>(
      await this.dataSource.query(
        `UPDATE users SET calendar_feed_version = COALESCE(calendar_feed_version, $2) WHERE id = $1 RETURNING calendar_feed_version AS v`,
        [userId, randomBytes(12).toString('base64url')],
      ),
    );
    return row?.v ?? null;
  }

  /** A new version: every feed URL made before stops working. */
  async rotate(userId: string): Promise<string | null> {
    const [row] = rowsOf<{ v: string }>(
      await this.dataSource.query(`UPDATE users SET calendar_feed_version = $2 WHERE id = $1 RETURNING calendar_feed_version AS v`, [
        userId,
        randomBytes(12).toString('base64url'),
      ]),
    );
    return row?.v ?? null;
  }

  /** Whether `version` is the user's current one (a rotated-away URL is dead). */
  async isCurrent(userId: string, version: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1 AND calendar_feed_version = $2`, [userId, version]);
    return rowsOf(rows).length === 1;
  }

  /** The user's bookings from 30 days ago on (at most 500), confirmed or done, and cancelled ones (so calendars drop them). */
  async listBookings(userId: string): Promise<FeedBooking[]> {
    return rowsOf<FeedBooking>(
      await this.dataSource.query(
        `SELECT b.id, r.root_id AS "rootId", r.depth AS reschedules, b.kind, b.status, b.starts_at AS "startsAt", b.ends_at AS "endsAt",
                f.title AS "fairTitle", f.timezone, o.name AS "otherName",
                CASE WHEN b.seeker_id = $1 THEN 'seeker' ELSE 'coach' END AS role
           FROM coaching_bookings b
           JOIN fairs f ON f.id = b.fair_id
           JOIN users o ON o.id = CASE WHEN b.seeker_id = $1 THEN b.coach_id ELSE b.seeker_id END
           CROSS JOIN LATERAL (
             WITH RECURSIVE chain(id, replaces, depth) AS (
               SELECT b.id, b.replaces_booking_id, 0
               UNION ALL
               SELECT p.id, p.replaces_booking_id, c.depth + 1 FROM coaching_bookings p JOIN chain c ON p.id = c.replaces WHERE c.depth < 100
             )
             SELECT id AS root_id, depth FROM chain ORDER BY depth DESC LIMIT 1
           ) r
          WHERE (b.seeker_id = $1 OR b.coach_id = $1)
            AND b.status IN ('confirmed', 'completed', 'no_show', 'cancelled')
            AND b.replaced_by_booking_id IS NULL
            AND b.ends_at > now() - interval '30 days'
          ORDER BY b.starts_at
          LIMIT 500`,
        [userId],
      ),
    );
  }
}
