import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '@bisang/contracts';
import { rowsOf } from './sql-rows';

export interface MailDeliveryKey {
  /** The delivery's id: event id + kind + recipient, the same as the job id and the Message-ID's local part. */
  id: string;
  eventId: number;
  kind: string;
  userId: string;
  fairId: string | null;
}

/**
 * What an attempt may do: `send`, `resend` (an earlier attempt started and never recorded its outcome: it died
 * between connecting and recording, so the server may or may not have the mail), or `done` (accepted or skipped).
 */
export type DeliveryStart = 'send' | 'resend' | 'done';

/** The record of each mail: the one guard against sending one event's mail to one recipient twice. */
@Injectable()
export class MailDeliveriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Marks the delivery as being sent (counting the attempt) and says what this attempt may do. */
  async begin(key: MailDeliveryKey): Promise<DeliveryStart> {
    const [row] = rowsOf<{ status: string; previous: string | null }>(
      await this.dataSource.query(
        `WITH prev AS (SELECT status FROM mail_deliveries WHERE id = $1 FOR UPDATE)
         INSERT INTO mail_deliveries (id, event_id, kind, user_id, fair_id, status) VALUES ($1, $2, $3, $4, $5, 'sending')
         ON CONFLICT (id) DO UPDATE SET
           attempts = mail_deliveries.attempts + 1,
           status = CASE WHEN mail_deliveries.status IN ('accepted', 'skipped') THEN mail_deliveries.status ELSE 'sending' END
         RETURNING status, (SELECT status FROM prev) AS previous`,
        [key.id, key.eventId, key.kind, key.userId, key.fairId],
      ),
    );
    if (row.status !== 'sending') return 'done';
    return row.previous === 'sending' ? 'resend' : 'send';
  }

  async markAccepted(id: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE mail_deliveries SET status = 'accepted', accepted_at = $2, last_error = NULL WHERE id = $1`, [id, now]);
  }

  /** The attempt failed before the server accepted the message: a retry sends it, without any doubt. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE mail_deliveries SET status = 'failed', last_error = $2 WHERE id = $1 AND status = 'sending'`, [
      id,
      error.slice(0, 500),
    ]);
  }

  /** Nothing to send (the recipient opted out, or is gone): never retried. */
  async markSkipped(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE mail_deliveries SET status = 'skipped' WHERE id = $1`, [id]);
  }

  /** The domain event a mail job is about (jobs carry ids, not facts). */
  async findEvent(eventId: number): Promise<DomainEvent | null> {
    const [row] = rowsOf<{ id: string; type: string; fair_id: string | null; payload: unknown; occurred_at: Date }>(
      await this.dataSource.query(`SELECT id, type, fair_id, payload, occurred_at FROM domain_events WHERE id = $1`, [eventId]),
    );
    if (!row) return null;
    return { id: Number(row.id), type: row.type, fairId: row.fair_id, payload: row.payload, occurredAt: row.occurred_at.toISOString() } as DomainEvent;
  }
}
