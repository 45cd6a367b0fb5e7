import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { domainEvent, type EducationLevel } from '@bisang/contracts';
import { isUniqueViolation } from '../pg-errors';
import { CHAT_FROM, CHAT_SELECT, ChatView, startLiveChat } from './chats.repository';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';

/** How long a socket's hold on a recruiter's presence lasts without its node refreshing it (a dead node's holds lapse). */
export const PRESENCE_HOLD_TTL_SECONDS = 45;
/** An HTTP hold (`PUT /booths/:boothId/staff-presence`) lasts until it is turned off. */
export const HTTP_HOLDER = (recruiterId: string) => `http:${recruiterId}`;

/** Ended chats of a booth the estimate is made of, and how many it needs at least. */
const ETA_SAMPLE = 20;
export const ETA_MIN_CHATS = 3;

const ALIVE_HOLD = `EXISTS (SELECT 1 FROM booth_staff_presence_holds h
  WHERE h.booth_id = p.booth_id AND h.recruiter_id = p.recruiter_id AND h.seen_at > now() - make_interval(secs => ${PRESENCE_HOLD_TTL_SECONDS}))`;

/**
 * A recruiter's room for one more live chat at a booth, counted under the lock of their presence row (the lock
 * their capacity is counted under, so two takes never both see the last seat free): `offline` when they hold no
 * live presence there.
 */
export async function recruiterSeat(m: EntityManager, boothId: string, recruiterId: string): Promise<'free' | 'full' | 'offline'> {
  const [presence] = rowsOf<{ capacity: number }>(
    await m.query(`SELECT p.capacity FROM booth_staff_presence p WHERE p.booth_id = $1 AND p.recruiter_id = $2 AND ${ALIVE_HOLD} FOR UPDATE OF p`, [
      boothId,
      recruiterId,
    ]),
  );
  if (!presence) return 'offline';
  const [{ open }] = rowsOf<{ open: number }>(
    await m.query(`SELECT count(*)::int AS open FROM chats WHERE booth_id = $1 AND recruiter_id = $2 AND ended_at IS NULL AND kind = 'live'`, [
      boothId,
      recruiterId,
    ]),
  );
  return open >= presence.capacity ? 'full' : 'free';
}

export interface QueueEntryView {
  entryId: string;
  boothId: string;
  seekerId: string;
  position: number;
}

export interface WaitingSeeker {
  entryId: string;
  seekerId: string;
  seekerName: string;
  joinedAt: Date;
  awaySince: Date | null;
  /** What the seeker shared by queueing, at a glance. */
  age: number | null;
  region: string | null;
  jobCategories: string[];
  careerYears: number | null;
  education: EducationLevel | null;
  uturn: boolean;
  hasResume: boolean;
}

export type JoinQueueOutcome =
  | { outcome: 'joined'; entryId: string }
  | { outcome: 'booth_not_found' | 'fair_not_live' | 'already_queued' | 'queue_limit' };

export type TakeNextOutcome =
  | { outcome: 'started'; chat: ChatView }
  | { outcome: 'nobody_waiting' | 'not_online' | 'capacity_reached' };

export type HandOverOutcome =
  | { outcome: 'handed_over'; chat: ChatView }
  | { outcome: 'not_found' | 'not_recruiter' | 'ended' | 'colleague_not_found' | 'not_online' | 'capacity_reached' };

export interface PresenceView {
  online: boolean;
  capacity: number;
  openChats: number;
}

interface BoothFacts {
  boothId: string;
  fairId: string;
  companyId: string;
  companyName: string;
}

/**
 * The estimated wait of the seeker at `position`: the booth's median chat length times the rounds of chats ahead
 * of them, a round being as many chats as the online recruiters take at once. Null without a measured median
 * (fewer than ETA_MIN_CHATS ended chats): no number is better than an invented one.
 */
export function estimateWait(basis: { medianSeconds: number | null; slots: number }, position: number): number | null {
  if (basis.medianSeconds === null) return null;
  return Math.max(0, Math.round(basis.medianSeconds * Math.ceil(position / Math.max(1, basis.slots))));
}

/** The most booth queues a seeker waits in at once. */
export const MAX_QUEUES_PER_SEEKER = 2;

/** Attempts of "take next" when a concurrent take got the chosen seeker first (they lost at a unique index). */
const TAKE_ATTEMPTS = 8;

class SeekerTakenElsewhere extends Error {}

/** PostgreSQL's deadlock_detected (40P01): the transaction was rolled back and may simply run again. */
const isDeadlock = (err: unknown): boolean => {
  const e = err as { code?: string; driverError?: { code?: string } } | undefined;
  return (e?.driverError?.code ?? e?.code) === '40P01';
};

/**
 * A booth's walk-up queue and its staff's presence. "Take next" runs in one transaction under the recruiter's
 * presence row lock (capacity), choosing the first waiting entry whose seeker is free with FOR UPDATE SKIP LOCKED
 * (two recruiters never take one entry); a seeker taken at another booth at the same instant loses at
 * `chats_one_open_live_per_seeker` and the take is tried again.
 */
@Injectable()
export class BoothQueueRepository {
  constructor(private readonly dataSource: DataSource) {}

  async boothFacts(boothId: string, m: EntityManager = this.dataSource.manager): Promise<(BoothFacts & { live: boolean; approved: boolean }) | null> {
    const [row] = (await m.query(
      `SELECT b.id AS "boothId", b.fair_id AS "fairId", b.company_id AS "companyId", c.name AS "companyName",
              f.status = 'live' AS live, b.status = 'approved' AS approved
         FROM booths b JOIN fairs f ON f.id = b.fair_id JOIN companies c ON c.id = b.company_id WHERE b.id = $1`,
      [boothId],
    )) as (BoothFacts & { live: boolean; approved: boolean })[];
    return row ?? null;
  }

  /**
   * A seeker joins a booth's queue: the booth approved, the fair live, not already waiting there, and in fewer
   * than MAX_QUEUES_PER_SEEKER queues (counted under a lock on the seeker's row, so two joins at once cannot both pass).
   */
  async join(boothId: string, seekerId: string, now: Date): Promise<JoinQueueOutcome> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const booth = await this.boothFacts(boothId, m);
        if (!booth || !booth.approved) return { outcome: 'booth_not_found' as const };
        if (!booth.live) return { outcome: 'fair_not_live' as const };
        await m.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [seekerId]);
        const waiting = rowsOf<{ boothId: string }>(
          await m.query(`SELECT booth_id AS "boothId" FROM booth_queue_entries WHERE seeker_id = $1 AND status = 'waiting'`, [seekerId]),
        );
        if (waiting.some((w) => w.boothId === boothId)) return { outcome: 'already_queued' as const };
        if (waiting.length >= MAX_QUEUES_PER_SEEKER) return { outcome: 'queue_limit' as const };
        const [entry] = rowsOf<{ id: string }>(
          await m.query(
            `INSERT INTO booth_queue_entries (booth_id, fair_id, company_id, seeker_id, joined_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
            [boothId, booth.fairId, booth.companyId, seekerId, now],
          ),
        );
        await appendDomainEvents(m, [domainEvent('queue.joined', { entryId: entry.id, boothId, fairId: booth.fairId, companyId: booth.companyId, seekerId })]);
        await this.markNext(m, booth, now);
        return { outcome: 'joined' as const, entryId: entry.id };
      });
    } catch (err) {
      if (isUniqueViolation(err, 'booth_queue_one_waiting')) return { outcome: 'already_queued' };
      throw err;
    }
  }

  /** The seeker leaves the booth's queue; false when they were not waiting there. */
  async leave(boothId: string, seekerId: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [entry] = rowsOf<{ id: string }>(
        await m.query(
          `UPDATE booth_queue_entries SET status = 'left', settled_at = $3 WHERE booth_id = $1 AND seeker_id = $2 AND status = 'waiting' RETURNING id`,
          [boothId, seekerId, now],
        ),
      );
      if (!entry) return false;
      const booth = (await this.boothFacts(boothId, m))!;
      await appendDomainEvents(m, [domainEvent('queue.left', { entryId: entry.id, boothId, fairId: booth.fairId, companyId: booth.companyId, seekerId })]);
      await this.markNext(m, booth, now);
      return true;
    });
  }

  /** The seeker's waiting entry at the booth with its 1-based position in serving order; null when not waiting. */
  async position(boothId: string, seekerId: string): Promise<QueueEntryView | null> {
    const [row] = (await this.dataSource.query(
      `SELECT e.id AS "entryId", e.booth_id AS "boothId", e.seeker_id AS "seekerId",
              (SELECT count(*)::int FROM booth_queue_entries o WHERE o.booth_id = e.booth_id AND o.status = 'waiting' AND o.ord <= e.ord) AS position
         FROM booth_queue_entries e WHERE e.booth_id = $1 AND e.seeker_id = $2 AND e.status = 'waiting'`,
      [boothId, seekerId],
    )) as QueueEntryView[];
    return row ?? null;
  }

  /** Which of these entries are still waiting. */
  async waitingAmong(entryIds: readonly string[]): Promise<Set<string>> {
    const rows = (await this.dataSource.query(`SELECT id FROM booth_queue_entries WHERE id = ANY($1::uuid[]) AND status = 'waiting'`, [entryIds])) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /** Every waiting entry of the booth with its position (what `queue:update` pushes). */
  async positions(boothId: string): Promise<QueueEntryView[]> {
    return (await this.dataSource.query(
      `SELECT id AS "entryId", booth_id AS "boothId", seeker_id AS "seekerId", (row_number() OVER (ORDER BY ord))::int AS position
         FROM booth_queue_entries WHERE booth_id = $1 AND status = 'waiting' ORDER BY ord`,
      [boothId],
    )) as QueueEntryView[];
  }

  /** The waiting seekers in serving order, as the booth's staff see them, with a preview of what queueing shared. */
  async waiting(boothId: string, now: Date, limit = 500): Promise<WaitingSeeker[]> {
    return (await this.dataSource.query(
      `SELECT e.id AS "entryId", e.seeker_id AS "seekerId", u.name AS "seekerName", e.joined_at AS "joinedAt", e.away_since AS "awaySince",
              date_part('year', age(($3::timestamptz AT TIME ZONE f.timezone)::date, u.birth_date))::int AS age,
              sp.region, coalesce(sp.desired_job_categories, '{}') AS "jobCategories", sp.career_years AS "careerYears",
              sp.education, coalesce(sp.u_turn, false) AS uturn,
              EXISTS (SELECT 1 FROM resumes r WHERE r.seeker_id = e.seeker_id) AS "hasResume"
         FROM booth_queue_entries e JOIN users u ON u.id = e.seeker_id JOIN fairs f ON f.id = e.fair_id
         LEFT JOIN seeker_profiles sp ON sp.user_id = e.seeker_id
        WHERE e.booth_id = $1 AND e.status = 'waiting' ORDER BY e.ord LIMIT $2`,
      [boothId, limit, now],
    )) as WaitingSeeker[];
  }

  /**
   * What the wait estimate is made of: the median length of the booth's recent ended live chats (null below
   * ETA_MIN_CHATS of them) and how many chats its online recruiters take at once.
   */
  async etaBasis(boothId: string): Promise<{ medianSeconds: number | null; slots: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT CASE WHEN count(*) >= ${ETA_MIN_CHATS} THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY d) END
                 FROM (SELECT extract(epoch FROM c.ended_at - c.started_at) AS d FROM chats c
                        WHERE c.booth_id = $1 AND c.kind = 'live' AND c.ended_at IS NOT NULL
                        ORDER BY c.ended_at DESC LIMIT ${ETA_SAMPLE}) recent) AS "medianSeconds",
              (SELECT coalesce(sum(p.capacity), 0)::int FROM booth_staff_presence p WHERE p.booth_id = $1 AND ${ALIVE_HOLD}) AS slots`,
      [boothId],
    )) as { medianSeconds: number | null; slots: number }[];
    return { medianSeconds: row.medianSeconds === null ? null : Number(row.medianSeconds), slots: row.slots };
  }

  /** Whether a recruiter has any live presence hold at the booth. */
  async isOnline(boothId: string, recruiterId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM booth_staff_presence p WHERE p.booth_id = $1 AND p.recruiter_id = $2 AND ${ALIVE_HOLD}`, [
      boothId,
      recruiterId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** How many recruiters are online at the booth (any live hold). */
  async onlineCount(boothId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM booth_staff_presence p WHERE p.booth_id = $1 AND ${ALIVE_HOLD}`, [
      boothId,
    ])) as { n: number }[];
    return row.n;
  }

  /** A holder (a socket, or HTTP) puts the recruiter online at the booth with this capacity. */
  async holdPresence(boothId: string, recruiterId: string, holder: string, capacity: number, ttl: 'expiring' | 'until_released'): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO booth_staff_presence (booth_id, recruiter_id, capacity, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (booth_id, recruiter_id) DO UPDATE SET capacity = EXCLUDED.capacity, updated_at = now()`,
        [boothId, recruiterId, capacity],
      );
      await m.query(
        `INSERT INTO booth_staff_presence_holds (holder, booth_id, recruiter_id, seen_at)
         VALUES ($1, $2, $3, CASE WHEN $4 THEN 'infinity'::timestamptz ELSE now() END)
         ON CONFLICT (holder, booth_id) DO UPDATE SET seen_at = EXCLUDED.seen_at, recruiter_id = EXCLUDED.recruiter_id`,
        [holder, boothId, recruiterId, ttl === 'until_released'],
      );
    });
  }

  /** Releases one holder's hold (a socket that went away), or every hold of the recruiter at the booth. */
  async releasePresence(boothId: string, recruiterId: string, holder?: string): Promise<void> {
    if (holder) {
      await this.dataSource.query(`DELETE FROM booth_staff_presence_holds WHERE holder = $1 AND booth_id = $2 AND recruiter_id = $3`, [holder, boothId, recruiterId]);
    } else {
      await this.dataSource.query(`DELETE FROM booth_staff_presence_holds WHERE booth_id = $1 AND recruiter_id = $2`, [boothId, recruiterId]);
    }
  }

  /** A socket went away: its holds go, at every booth. */
  async releaseHolder(holder: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM booth_staff_presence_holds WHERE holder = $1`, [holder]);
  }

  /** A gateway node says its sockets are still there. */
  async refreshHolders(holders: readonly string[]): Promise<void> {
    if (holders.length === 0) return;
    await this.dataSource.query(`UPDATE booth_staff_presence_holds SET seen_at = now() WHERE holder = ANY($1::text[]) AND seen_at <> 'infinity'`, [holders]);
  }

  async presence(boothId: string, recruiterId: string): Promise<PresenceView> {
    const [row] = (await this.dataSource.query(
      `SELECT coalesce((SELECT capacity FROM booth_staff_presence WHERE booth_id = $1 AND recruiter_id = $2), 2)::int AS capacity,
              EXISTS (SELECT 1 FROM booth_staff_presence p WHERE p.booth_id = $1 AND p.recruiter_id = $2 AND ${ALIVE_HOLD}) AS online,
              (SELECT count(*)::int FROM chats WHERE booth_id = $1 AND recruiter_id = $2 AND ended_at IS NULL AND kind = 'live') AS "openChats"`,
      [boothId, recruiterId],
    )) as PresenceView[];
    return row;
  }

  /**
   * "Take next": the first waiting seeker of the booth who is not in a live chat elsewhere (skipped, they keep
   * their place) becomes the recruiter's chat, if the recruiter is online at the booth and below capacity.
   */
  async takeNext(boothId: string, recruiterId: string, now: Date): Promise<TakeNextOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((m) => this.takeNextOnce(m, boothId, recruiterId, now));
      } catch (err) {
        // Lost the chosen seeker to a take at another booth, or a deadlock with one: the next attempt sees their chat.
        const lost = err instanceof SeekerTakenElsewhere || isUniqueViolation(err, 'chats_one_open_live_per_seeker') || isDeadlock(err);
        if (!lost || attempt >= TAKE_ATTEMPTS) throw err;
      }
    }
  }

  private async takeNextOnce(m: EntityManager, boothId: string, recruiterId: string, now: Date): Promise<TakeNextOutcome> {
    const seat = await recruiterSeat(m, boothId, recruiterId);
    if (seat === 'offline') return { outcome: 'not_online' };
    if (seat === 'full') return { outcome: 'capacity_reached' };
    const [entry] = rowsOf<{ id: string; seekerId: string; joinedAt: Date }>(
      await m.query(
        `SELECT e.id, e.seeker_id AS "seekerId", e.joined_at AS "joinedAt" FROM booth_queue_entries e
          WHERE e.booth_id = $1 AND e.status = 'waiting' AND e.away_since IS NULL
            AND NOT EXISTS (SELECT 1 FROM chats c WHERE c.seeker_id = e.seeker_id AND c.ended_at IS NULL AND c.kind = 'live')
          ORDER BY e.ord FOR UPDATE OF e SKIP LOCKED LIMIT 1`,
        [boothId],
      ),
    );
    if (!entry) return { outcome: 'nobody_waiting' };
    const booth = (await this.boothFacts(boothId, m))!;
    const [settled] = rowsOf<{ id: string }>(
      await m.query(`UPDATE booth_queue_entries SET status = 'served', settled_at = $2 WHERE id = $1 AND status = 'waiting' RETURNING id`, [entry.id, now]),
    );
    if (!settled) throw new SeekerTakenElsewhere();
    const waitedSeconds = Math.max(0, Math.round((now.getTime() - new Date(entry.joinedAt).getTime()) / 1000));
    const chatId = await startLiveChat(m, {
      boothId,
      fairId: booth.fairId,
      companyId: booth.companyId,
      seekerId: entry.seekerId,
      recruiterId,
      entryId: entry.id,
      waitedSeconds,
      now,
    });
    await this.markNext(m, booth, now);
    const [view] = (await m.query(`SELECT ${CHAT_SELECT} ${CHAT_FROM} WHERE c.id = $1`, [chatId])) as ChatView[];
    return { outcome: 'started', chat: view };
  }

  /**
   * The chat's recruiter hands it to a colleague at the booth, who must be online there and below capacity
   * (counted under the colleague's presence row lock, as "take next" counts). `chat.handed_over` in the same transaction.
   */
  async handOver(chatId: string, fromId: string, toId: string): Promise<HandOverOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [chat] = rowsOf<{ recruiterId: string | null; seekerId: string; boothId: string | null; endedAt: Date | null; companyId: string | null; fairId: string | null }>(
        await m.query(
          `SELECT recruiter_id AS "recruiterId", seeker_id AS "seekerId", booth_id AS "boothId", ended_at AS "endedAt",
                  company_id AS "companyId", fair_id AS "fairId"
             FROM chats WHERE id = $1 AND (seeker_id = $2 OR recruiter_id = $2) FOR UPDATE`,
          [chatId, fromId],
        ),
      );
      if (!chat) return { outcome: 'not_found' as const };
      if (chat.recruiterId !== fromId || !chat.boothId) return { outcome: 'not_recruiter' as const };
      if (chat.endedAt) return { outcome: 'ended' as const };
      const staff = rowsOf<unknown>(
        await m.query(`SELECT 1 FROM company_staff WHERE company_id = $1 AND user_id = $2`, [chat.companyId, toId]),
      );
      if (!staff.length || toId === fromId) return { outcome: 'colleague_not_found' as const };
      const [presence] = rowsOf<{ capacity: number }>(
        await m.query(`SELECT p.capacity FROM booth_staff_presence p WHERE p.booth_id = $1 AND p.recruiter_id = $2 AND ${ALIVE_HOLD} FOR UPDATE OF p`, [
          chat.boothId,
          toId,
        ]),
      );
      if (!presence) return { outcome: 'not_online' as const };
      const [{ open }] = rowsOf<{ open: number }>(
        await m.query(`SELECT count(*)::int AS open FROM chats WHERE booth_id = $1 AND recruiter_id = $2 AND ended_at IS NULL AND kind = 'live'`, [
          chat.boothId,
          toId,
        ]),
      );
      if (open >= presence.capacity) return { outcome: 'capacity_reached' as const };
      await m.query(`UPDATE chats SET recruiter_id = $2, recruiter_read_seq = 0 WHERE id = $1`, [chatId, toId]);
      await appendDomainEvents(m, [
        domainEvent('chat.handed_over', {
          chatId,
          boothId: chat.boothId,
          fairId: chat.fairId,
          companyId: chat.companyId,
          seekerId: chat.seekerId,
          recruiterId: toId,
          fromRecruiterId: fromId,
        }),
      ]);
      const [view] = (await m.query(`SELECT ${CHAT_SELECT} ${CHAT_FROM} WHERE c.id = $1`, [chatId])) as ChatView[];
      return { outcome: 'handed_over' as const, chat: view };
    });
  }

  /**
   * A seeker with no recruiter online leaves a message: a conversation of kind `message` that the company's
   * staff answer later (the first to answer becomes its recruiter). Their first message is posted with it.
   */
  async leaveMessage(boothId: string, seekerId: string, now: Date): Promise<{ outcome: 'created'; chatId: string } | { outcome: 'booth_not_found' | 'fair_not_live' }> {
    return this.dataSource.transaction(async (m) => {
      const booth = await this.boothFacts(boothId, m);
      if (!booth || !booth.approved) return { outcome: 'booth_not_found' as const };
      if (!booth.live) return { outcome: 'fair_not_live' as const };
      const [chat] = rowsOf<{ id: string }>(
        await m.query(
          `INSERT INTO chats (kind, booth_id, fair_id, company_id, seeker_id, started_at) VALUES ('message', $1, $2, $3, $4, $5) RETURNING id`,
          [boothId, booth.fairId, booth.companyId, seekerId, now],
        ),
      );
      await appendDomainEvents(m, [
        domainEvent('chat.started', {
          chatId: chat.id,
          boothId,
          fairId: booth.fairId,
          companyId: booth.companyId,
          seekerId,
          recruiterId: null,
          entryId: null,
          waitedSeconds: null,
        }),
      ]);
      return { outcome: 'created' as const, chatId: chat.id };
    });
  }

  /**
   * Every connection of the seeker dropped: their waiting entries keep their place (take-next skips them) until
   * `graceMs` from now, `queue.away` in the same transaction (its subscriber schedules the abandonment).
   */
  async markAway(seekerId: string, now: Date, graceMs: number): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const entries = rowsOf<{ id: string; boothId: string; fairId: string; companyId: string }>(
        await m.query(
          `UPDATE booth_queue_entries SET away_since = $2 WHERE seeker_id = $1 AND status = 'waiting' AND away_since IS NULL
           RETURNING id, booth_id AS "boothId", fair_id AS "fairId", company_id AS "companyId"`,
          [seekerId, now],
        ),
      );
      const abandonAt = new Date(now.getTime() + graceMs).toISOString();
      await appendDomainEvents(
        m,
        entries.map((e) =>
          domainEvent('queue.away', { entryId: e.id, boothId: e.boothId, fairId: e.fairId, companyId: e.companyId, seekerId, awaySince: now.toISOString(), abandonAt }),
        ),
      );
      return entries.length;
    });
  }

  /** The seeker is connected again: their entries are theirs as before (`queue.back`). */
  async markBack(seekerId: string): Promise<number> {
    // Every seeker's socket connect lands here: one read when they are not away (nearly always), no transaction.
    const away = rowsOf(
      await this.dataSource.query(`SELECT 1 FROM booth_queue_entries WHERE seeker_id = $1 AND status = 'waiting' AND away_since IS NOT NULL LIMIT 1`, [seekerId]),
    );
    if (away.length === 0) return 0;
    return this.dataSource.transaction(async (m) => {
      const entries = rowsOf<{ id: string; boothId: string; fairId: string; companyId: string }>(
        await m.query(
          `UPDATE booth_queue_entries SET away_since = NULL WHERE seeker_id = $1 AND status = 'waiting' AND away_since IS NOT NULL
           RETURNING id, booth_id AS "boothId", fair_id AS "fairId", company_id AS "companyId"`,
          [seekerId],
        ),
      );
      await appendDomainEvents(
        m,
        entries.map((e) => domainEvent('queue.back', { entryId: e.id, boothId: e.boothId, fairId: e.fairId, companyId: e.companyId, seekerId })),
      );
      return entries.length;
    });
  }

  /**
   * The grace period of an away seeker is over: the entry is abandoned unless they came back (or dropped again
   * later: `awaySince` must still be the one the grace was counted from). Idempotent. `queue.abandoned`.
   */
  async abandonIfStillAway(entryId: string, awaySince: Date, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [entry] = rowsOf<{ boothId: string; seekerId: string }>(
        await m.query(
          `UPDATE booth_queue_entries SET status = 'abandoned', settled_at = $3
            WHERE id = $1 AND status = 'waiting' AND away_since = $2
            RETURNING booth_id AS "boothId", seeker_id AS "seekerId"`,
          [entryId, awaySince, now],
        ),
      );
      if (!entry) return false;
      const booth = (await this.boothFacts(entry.boothId, m))!;
      await appendDomainEvents(m, [
        domainEvent('queue.abandoned', { entryId, boothId: entry.boothId, fairId: booth.fairId, companyId: booth.companyId, seekerId: entry.seekerId }),
      ]);
      await this.markNext(m, booth, now);
      return true;
    });
  }

  /** How long a chat at the booth lasts (its timer), in minutes; null when there is no such booth. */
  async chatMinutes(boothId: string): Promise<number | null> {
    const [row] = (await this.dataSource.query(`SELECT chat_minutes AS "chatMinutes" FROM booths WHERE id = $1`, [boothId])) as { chatMinutes: number }[];
    return row ? row.chatMinutes : null;
  }

  /** Booth staff set the chat timer; chats already running keep the length they started with. */
  async setChatMinutes(boothId: string, minutes: number): Promise<void> {
    await this.dataSource.query(`UPDATE booths SET chat_minutes = $2 WHERE id = $1`, [boothId, minutes]);
  }

  /** The booth's first waiting seeker hears "you're next" once per entry (`queue.next`, in the change's transaction). */
  private async markNext(m: EntityManager, booth: BoothFacts, now: Date): Promise<void> {
    const [first] = rowsOf<{ id: string; seekerId: string }>(
      await m.query(
        `UPDATE booth_queue_entries SET next_notified_at = $2
          WHERE id = (SELECT id FROM booth_queue_entries WHERE booth_id = $1 AND status = 'waiting' ORDER BY ord LIMIT 1)
            AND next_notified_at IS NULL
          RETURNING id, seeker_id AS "seekerId"`,
        [booth.boothId, now],
      ),
    );
    if (!first) return;
    await appendDomainEvents(m, [
      domainEvent('queue.next', {
        entryId: first.id,
        boothId: booth.boothId,
        fairId: booth.fairId,
        companyId: booth.companyId,
        seekerId: first.seekerId,
        companyName: booth.companyName,
      }),
    ]);
  }
}
