import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '@bisang/contracts';
import { MicroBatch } from './micro-batch';
import { rowsOf } from './sql-rows';

export interface MailDeliveryKey {
  /** The delivery's id: event id + kind + recipient, the same as the job id and the Message-ID's local part. */
  id: string;
  /** Null for a mail of no single event (an applicant digest). */
  eventId: number | null;
  kind: string;
  /** The recipient's account; null for an address without one (a company invitation). */
  userId: string | null;
  fairId: string | null;
}

/**
 * What an attempt may do: `send`, `resend` (an earlier attempt started and never recorded its outcome: it died
 * between connecting and recording, so the server may or may not have the mail), or `done` (accepted or skipped).
 */
export type DeliveryStart = 'send' | 'resend' | 'done';

/** Who a mail goes to, as the mail needs them. */
export interface MailRecipient {
  /** Null for an address without an account (a company invitation). */
  id: string | null;
  email: string;
  name: string;
  role: string;
  language: 'ko' | 'en';
  passwordHash: string;
  mailOptOuts: string[];
}

/** Everything one mail is written from, read in one round trip. */
export interface MailContext {
  event: DomainEvent;
  recipient: MailRecipient;
  fair: { title: string; timezone: string; slug: string } | null;
  /** The other side of a booking (seeker ↔ coach), when the event is about one. */
  counterpart: { name: string } | null;
  /**
   * A booking's calendar entry (booking.confirmed / .cancelled): the first booking of its chain of reschedulings
   * (whose UID every later one keeps) and how many reschedulings led to this one (its SEQUENCE).
   */
  calendar?: { rootBookingId: string; reschedules: number } | null;
  /** A rescheduling's other booking (the one replaced, or the replacement): its coach, who may be another one. */
  otherBookingCoachId?: string | null;
  /** A follow-up question's application: where the seeker was hired. */
  application?: { companyName: string; postingTitle: string } | null;
  /** A company invitation: what its mail says; null when it is no longer pending. */
  invitation?: { companyName: string; expiresAt: Date; email: string } | null;
}

/** A recruiter's digest of a booth's new applicants in one window. */
export interface ApplicantDigest {
  fair: { title: string; timezone: string; slug: string };
  companyName: string;
  /** The first applicants of the window (at most 50), oldest first; `total` counts them all. */
  applicants: { seekerName: string; postingTitle: string }[];
  total: number;
  /** The company's staff, each in their language, with their opt-outs. */
  recipients: MailRecipient[];
}

/** The record of each mail: the one guard against sending one event's mail to one recipient twice. */
@Injectable()
export class MailDeliveriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Concurrent jobs' statements are coalesced per turn of the event loop (`MicroBatch`): a burst of mails costs a
   * statement per batch instead of three per mail, which was the pipeline's largest cost after SMTP itself.
   */
  private readonly begins = new MicroBatch<MailDeliveryKey, DeliveryStart>((keys) => this.beginMany(keys), (k) => k.id);
  private readonly accepts = new MicroBatch<{ id: string; at: Date }, void>((rows) => this.markAcceptedMany(rows), (r) => r.id);
  private readonly contexts = new MicroBatch<{ eventId: number; userId: string }, MailContext | null>(
    (keys) => this.findContexts(keys),
    (k) => `${k.eventId}/${k.userId}`,
  );

  /** Marks the delivery as being sent (counting the attempt) and says what this attempt may do. */
  begin(key: MailDeliveryKey): Promise<DeliveryStart> {
    return this.begins.call(key);
  }

  /** `begin` for many deliveries in one statement (rows locked in id order, as every batch does: no deadlock). */
  private async beginMany(keys: MailDeliveryKey[]): Promise<DeliveryStart[]> {
    const sorted = [...keys].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rows = rowsOf<{ id: string; status: string; previous: string | null }>(
      await this.dataSource.query(
        `WITH input AS (
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::uuid[], $5::uuid[]) WITH ORDINALITY AS t(id, event_id, kind, user_id, fair_id, n)
         ),
         prev AS (SELECT d.id, d.status FROM mail_deliveries d WHERE d.id IN (SELECT id FROM input) ORDER BY d.id FOR UPDATE)
         INSERT INTO mail_deliveries (id, event_id, kind, user_id, fair_id, status)
         SELECT id, event_id, kind, user_id, fair_id, 'sending' FROM input ORDER BY n
         ON CONFLICT (id) DO UPDATE SET
           attempts = mail_deliveries.attempts + 1,
           status = CASE WHEN mail_deliveries.status IN ('accepted', 'skipped') THEN mail_deliveries.status ELSE 'sending' END
         RETURNING id, status, (SELECT status FROM prev WHERE prev.id = mail_deliveries.id) AS previous`,
        [sorted.map((k) => k.id), sorted.map((k) => k.eventId), sorted.map((k) => k.kind), sorted.map((k) => k.userId), sorted.map((k) => k.fairId)],
      ),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return keys.map((k) => {
      const row = byId.get(k.id)!;
      if (row.status !== 'sending') return 'done';
      return row.previous === 'sending' ? 'resend' : 'send';
    });
  }

  markAccepted(id: string, now: Date): Promise<void> {
    return this.accepts.call({ id, at: now });
  }

  private async markAcceptedMany(rows: { id: string; at: Date }[]): Promise<void[]> {
    const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await this.dataSource.query(
      `UPDATE mail_deliveries d SET status = 'accepted', accepted_at = t.at, last_error = NULL
         FROM unnest($1::text[], $2::timestamptz[]) AS t(id, at) WHERE d.id = t.id`,
      [sorted.map((r) => r.id), sorted.map((r) => r.at)],
    );
    return rows.map(() => undefined);
  }

  /** The attempt failed before the server accepted the message: a retry sends it, without any doubt. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE mail_deliveries SET status = 'failed', last_error = $2 WHERE id = $1 AND status = 'sending'`, [
      id,
      error.slice(0, 500),
    ]);
  }

  /** Whether a talent-pool invitation (to apply or to chat) or an introduction is still unanswered. */
  async offerPending(table: 'pool_invitations' | 'introductions', id: string): Promise<boolean> {
    const sql =
      table === 'introductions'
        ? `SELECT 1 FROM introductions WHERE id = $1 AND status = 'pending'`
        : `SELECT 1 FROM pool_invitations WHERE id = $1 AND status = 'pending'`;
    return rowsOf(await this.dataSource.query(sql, [id])).length > 0;
  }

  /** Nothing to send (the recipient opted out, or is gone, or already answered what it was about): never retried. */
  async markSkipped(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE mail_deliveries SET status = 'skipped' WHERE id = $1`, [id]);
  }

  /**
   * The event a mail job is about (jobs carry ids, not facts), its recipient, its fair and the other side of a
   * booking, in one statement: each round trip costs a mail its share of the throughput.
   */
  findContext(eventId: number, userId: string): Promise<MailContext | null> {
    return this.contexts.call({ eventId, userId });
  }

  private async findContexts(keys: { eventId: number; userId: string }[]): Promise<(MailContext | null)[]> {
    const rows = rowsOf<{
      n: string;
      id: string;
      type: string;
      fair_id: string | null;
      payload: Record<string, unknown>;
      occurred_at: Date;
      recipient: { id: string; email: string; name: string; role: string; language: 'ko' | 'en'; password_hash: string; mail_opt_outs: string[] };
      fair: { title: string; timezone: string; slug: string } | null;
      counterpart: { name: string } | null;
      calendar: { rootBookingId: string; reschedules: number } | null;
      other_coach_id: string | null;
      application: { companyName: string; postingTitle: string } | null;
    }>(
      await this.dataSource.query(
        `SELECT q.n, e.id, e.type, e.fair_id, e.payload, e.occurred_at,
                json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'role', u.role, 'language', u.language,
                                  'password_hash', u.password_hash, 'mail_opt_outs', u.mail_opt_outs) AS recipient,
                CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('title', f.title, 'timezone', f.timezone, 'slug', f.slug) END AS fair,
                (SELECT json_build_object('name', o.name) FROM users o
                  WHERE o.id = (CASE WHEN e.payload->>'seekerId' = u.id::text THEN e.payload->>'coachId' ELSE e.payload->>'seekerId' END)::uuid
                    AND e.payload ? 'coachId') AS counterpart,
                CASE WHEN e.type IN ('booking.confirmed', 'booking.cancelled') THEN (
                  WITH RECURSIVE chain(id, replaces, depth) AS (
                    SELECT b.id, b.replaces_booking_id, 0 FROM coaching_bookings b WHERE b.id = (e.payload->>'bookingId')::uuid
                    UNION ALL
                    SELECT b.id, b.replaces_booking_id, c.depth + 1 FROM coaching_bookings b JOIN chain c ON b.id = c.replaces WHERE c.depth < 100
                  )
                  SELECT json_build_object('rootBookingId', id, 'reschedules', depth) FROM chain ORDER BY depth DESC LIMIT 1
                ) END AS calendar,
                (SELECT ob.coach_id FROM coaching_bookings ob
                  WHERE ob.id = COALESCE(e.payload->>'rescheduledFrom', e.payload->>'rescheduledTo')::uuid) AS other_coach_id,
                CASE WHEN e.type = 'follow_up.asked' THEN (
                  SELECT json_build_object('companyName', c.name, 'postingTitle', p.title)
                    FROM applications a JOIN postings p ON p.id = a.posting_id JOIN booths b ON b.id = a.booth_id JOIN companies c ON c.id = b.company_id
                   WHERE a.id = (e.payload->>'applicationId')::uuid
                ) END AS application
           FROM unnest($1::bigint[], $2::uuid[]) WITH ORDINALITY AS q(event_id, user_id, n)
           JOIN domain_events e ON e.id = q.event_id
           JOIN users u ON u.id = q.user_id AND u.deleted_at IS NULL
           LEFT JOIN fairs f ON f.id = e.fair_id`,
        [keys.map((k) => k.eventId), keys.map((k) => k.userId)],
      ),
    );
    const byN = new Map(rows.map((r) => [Number(r.n), r]));
    return keys.map((_, i) => {
      const row = byN.get(i + 1);
      return row ? this.toContext(row) : null;
    });
  }

  private toContext(row: {
    id: string;
    type: string;
    fair_id: string | null;
    payload: Record<string, unknown>;
    occurred_at: Date;
    recipient: { id: string; email: string; name: string; role: string; language: 'ko' | 'en'; password_hash: string; mail_opt_outs: string[] };
    fair: { title: string; timezone: string; slug: string } | null;
    counterpart: { name: string } | null;
    calendar: { rootBookingId: string; reschedules: number } | null;
    other_coach_id: string | null;
    application: { companyName: string; postingTitle: string } | null;
  }): MailContext {
    const r = row.recipient;
    return {
      event: { id: Number(row.id), type: row.type, fairId: row.fair_id, payload: row.payload, occurredAt: row.occurred_at.toISOString() } as DomainEvent,
      recipient: { id: r.id, email: r.email, name: r.name, role: r.role, language: r.language, passwordHash: r.password_hash, mailOptOuts: r.mail_opt_outs },
      fair: row.fair,
      counterpart: row.counterpart,
      calendar: row.calendar,
      otherBookingCoachId: row.other_coach_id,
      application: row.application,
    };
  }

  /**
   * A page of the fair's registered seekers, by id after `afterUserId`: seekers who applied, booked coaching or
   * an interview, or waited for a slot there (Bisang has no separate fair registration).
   */
  async findFairSeekers(fairId: string, afterUserId: string | null, limit: number): Promise<string[]> {
    return rowsOf<{ id: string }>(
      await this.dataSource.query(
        `SELECT id FROM (
           SELECT seeker_id AS id FROM applications WHERE fair_id = $1
           UNION SELECT seeker_id FROM coaching_bookings WHERE fair_id = $1
           UNION SELECT seeker_id FROM coaching_waitlist WHERE fair_id = $1
         ) s
          WHERE $2::uuid IS NULL OR id > $2::uuid
          ORDER BY id
          LIMIT $3`,
        [fairId, afterUserId, limit],
      ),
    ).map((r) => r.id);
  }

  /** The applications (not withdrawn) a booth received in [from, to), and who of its company hears of them. */
  async findApplicantDigest(boothId: string, from: Date, to: Date): Promise<ApplicantDigest | null> {
    const [row] = rowsOf<{
      fair: { title: string; timezone: string; slug: string };
      company_name: string;
      applicants: { seekerName: string; postingTitle: string }[] | null;
      total: string;
      recipients: { id: string; email: string; name: string; role: string; language: 'ko' | 'en'; mail_opt_outs: string[] }[] | null;
    }>(
      await this.dataSource.query(
        `SELECT json_build_object('title', f.title, 'timezone', f.timezone, 'slug', f.slug) AS fair, c.name AS company_name,
                (SELECT json_agg(json_build_object('seekerName', x.name, 'postingTitle', x.title) ORDER BY x.applied_at, x.id)
                   FROM (SELECT a.id, a.applied_at, u.name, p.title FROM applications a
                           JOIN users u ON u.id = a.seeker_id JOIN postings p ON p.id = a.posting_id
                          WHERE a.booth_id = b.id AND a.applied_at >= $2 AND a.applied_at < $3 AND a.status <> 'withdrawn'
                          ORDER BY a.applied_at, a.id LIMIT 50) x) AS applicants,
                (SELECT count(*) FROM applications a
                  WHERE a.booth_id = b.id AND a.applied_at >= $2 AND a.applied_at < $3 AND a.status <> 'withdrawn') AS total,
                (SELECT json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'role', u.role,
                                                   'language', u.language, 'mail_opt_outs', u.mail_opt_outs) ORDER BY u.id)
                   FROM company_staff s JOIN users u ON u.id = s.user_id WHERE s.company_id = b.company_id) AS recipients
           FROM booths b JOIN fairs f ON f.id = b.fair_id JOIN companies c ON c.id = b.company_id
          WHERE b.id = $1`,
        [boothId, from, to],
      ),
    );
    if (!row) return null;
    return {
      fair: row.fair,
      companyName: row.company_name,
      applicants: row.applicants ?? [],
      total: Number(row.total),
      recipients: (row.recipients ?? []).map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        role: r.role,
        language: r.language,
        passwordHash: '',
        mailOptOuts: r.mail_opt_outs,
      })),
    };
  }

  /**
   * A company invitation's mail: the event, the invited address (with the account's name and language when it has
   * one, Korean otherwise) and the invitation, which is null once no longer pending (nothing to send).
   */
  async findInvitationContext(eventId: number, invitationId: string): Promise<MailContext | null> {
    const [row] = rowsOf<{
      id: string;
      type: string;
      payload: Record<string, unknown>;
      occurred_at: Date;
      email: string;
      status: string;
      expires_at: Date;
      company_name: string;
      user_id: string | null;
      name: string | null;
      role: string | null;
      language: 'ko' | 'en' | null;
    }>(
      await this.dataSource.query(
        `SELECT e.id, e.type, e.payload, e.occurred_at, i.email, i.status, i.expires_at, c.name AS company_name,
                u.id AS user_id, u.name, u.role, u.language
           FROM domain_events e
           JOIN company_invitations i ON i.id = $2
           JOIN companies c ON c.id = i.company_id
           LEFT JOIN users u ON u.email = i.email
          WHERE e.id = $1 AND e.payload->>'invitationId' = $2::text`,
        [eventId, invitationId],
      ),
    );
    if (!row) return null;
    return {
      event: { id: Number(row.id), type: row.type, fairId: null, payload: row.payload, occurredAt: row.occurred_at.toISOString() } as DomainEvent,
      recipient: {
        id: row.user_id,
        email: row.email,
        name: row.name ?? '',
        role: row.role ?? 'recruiter',
        language: row.language ?? 'ko',
        passwordHash: '',
        mailOptOuts: [],
      },
      fair: null,
      counterpart: null,
      invitation: row.status === 'pending' ? { companyName: row.company_name, expiresAt: row.expires_at, email: row.email } : null,
    };
  }
}
