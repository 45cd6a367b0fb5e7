import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { domainEvent, type ChatAction, type ChatKind, type ChatMessage } from '@bisang/contracts';
import { noteChatMessage } from '../outbox-commits';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';

/** A conversation between a seeker and a recruiter, with what its lists show. */
export interface ChatView {
  id: string;
  kind: ChatKind;
  boothId: string | null;
  fairId: string | null;
  companyId: string | null;
  seekerId: string;
  recruiterId: string | null;
  lastSeq: number;
  seekerReadSeq: number;
  recruiterReadSeq: number;
  startedAt: Date;
  endedAt: Date | null;
  seekerName: string;
  companyName: string | null;
  endsAt: Date | null;
}

export interface ChatMessageRow {
  id: string;
  chatId: string;
  seq: number;
  senderId: string | null;
  body: string;
  at: Date;
  action: ChatAction | null;
}

/** The company staff's private note and rating of a chat. */
export interface ChatReviewView {
  chatId: string;
  seekerId: string;
  note: string | null;
  rating: number | null;
  reviewedAt: Date | null;
}

export type ReviewChatOutcome = { outcome: 'reviewed'; review: ChatReviewView } | { outcome: 'not_found' };

export interface SlotOfferView {
  id: string;
  chatId: string;
  slotId: string;
  startsAt: Date;
  endsAt: Date;
  seq: number;
}

export type OfferSlotOutcome =
  | { outcome: 'offered'; offer: SlotOfferView }
  | { outcome: 'not_found' | 'not_recruiter' | 'ended' | 'slot_not_found' | 'slot_taken' | 'already_offered' };

/** The chat facts a recruiter's act needs, read under the chat's row lock. */
export interface LockedChat {
  seekerId: string;
  recruiterId: string | null;
  endedAt: Date | null;
  kind: ChatKind;
  boothId: string | null;
  fairId: string | null;
  companyId: string | null;
}

export type PostMessageOutcome =
  | { outcome: 'posted'; message: ChatMessageRow }
  | { outcome: 'not_found' | 'ended' };

export type EndChatOutcome = { outcome: 'ended'; chat: ChatView } | { outcome: 'not_found' };

export const CHAT_SELECT = `c.id, c.kind, c.booth_id AS "boothId", c.fair_id AS "fairId", c.company_id AS "companyId",
  c.seeker_id AS "seekerId", c.recruiter_id AS "recruiterId", c.last_seq AS "lastSeq", c.seeker_read_seq AS "seekerReadSeq",
  c.recruiter_read_seq AS "recruiterReadSeq", c.started_at AS "startedAt",
  c.ended_at AS "endedAt", u.name AS "seekerName", co.name AS "companyName",
  CASE WHEN c.time_limit_minutes IS NULL THEN NULL ELSE c.started_at + make_interval(mins => c.time_limit_minutes) END AS "endsAt"`;
export const CHAT_FROM = `FROM chats c JOIN users u ON u.id = c.seeker_id LEFT JOIN companies co ON co.id = c.company_id`;

const MESSAGE_SELECT = `id, chat_id AS "chatId", seq, sender_id AS "senderId", body, at, action`;

/** A stored message as sockets receive it: `action` only on a message that carries a recruiter's act. */
export function chatMessageOf(r: ChatMessageRow): ChatMessage {
  return {
    id: r.id,
    chatId: r.chatId,
    seq: r.seq,
    senderId: r.senderId,
    body: r.body,
    at: new Date(r.at).toISOString(),
    ...(r.action ? { action: r.action } : {}),
  };
}

const REVIEW_SELECT = `c.id AS "chatId", c.seeker_id AS "seekerId", c.staff_note AS note, c.staff_rating AS rating, c.reviewed_at AS "reviewedAt"`;

/** Staff of the chat's company (any of them: a note is the company's, not one recruiter's). */
const COMPANY_STAFF = `EXISTS (SELECT 1 FROM company_staff s WHERE s.company_id = c.company_id AND s.user_id = $2)`;

/**
 * Stores a message with the chat's next seq and its `chat.message_posted` event, inside the caller's transaction
 * (the chat's row must be locked by the caller). Shared by plain messages and the recruiter's acts that a message carries.
 */
export async function appendChatMessage(
  m: EntityManager,
  chatId: string,
  chat: LockedChat,
  senderId: string,
  body: string,
  now: Date,
  action: ChatAction | null = null,
): Promise<ChatMessageRow> {
  const recruiterId = chat.recruiterId ?? (senderId !== chat.seekerId ? senderId : null);
  const [{ seq }] = rowsOf<{ seq: number }>(
    await m.query(`UPDATE chats SET last_seq = last_seq + 1, recruiter_id = $2 WHERE id = $1 RETURNING last_seq AS seq`, [chatId, recruiterId]),
  );
  const [message] = rowsOf<ChatMessageRow>(
    await m.query(`INSERT INTO chat_messages (chat_id, seq, sender_id, body, at, action) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${MESSAGE_SELECT}`, [
      chatId,
      seq,
      senderId,
      body,
      now,
      action === null ? null : JSON.stringify(action),
    ]),
  );
  const recipientId = senderId === chat.seekerId ? recruiterId : chat.seekerId;
  await appendDomainEvents(m, [
    domainEvent('chat.message_posted', {
      chatId,
      boothId: chat.boothId,
      fairId: chat.fairId,
      companyId: chat.companyId,
      seekerId: chat.seekerId,
      recruiterId,
      seq,
      senderId,
      recipientId,
      kind: chat.kind,
    }),
  ]);
  // Once committed, the gateways that have sockets in this chat get the message itself (they read from here only
  // what they miss: a lost hint, or a socket behind).
  noteChatMessage(m, chatMessageOf(message));
  return message;
}

/** Locks the chat's row and reads what a recruiter's act needs; null when `userId` is not its participant. */
export async function lockChatFor(m: EntityManager, chatId: string, userId: string): Promise<LockedChat | null> {
  const [chat] = rowsOf<LockedChat>(
    await m.query(
      `SELECT c.seeker_id AS "seekerId", c.recruiter_id AS "recruiterId", c.ended_at AS "endedAt", c.kind,
              c.booth_id AS "boothId", c.fair_id AS "fairId", c.company_id AS "companyId"
         FROM chats c WHERE c.id = $1 AND ${PARTICIPANT} FOR UPDATE OF c`,
      [chatId, userId],
    ),
  );
  return chat ?? null;
}

/** A booth chat about to open: who talks, at which booth, and what led to it (a queue entry, or none). */
export interface NewBoothChat {
  boothId: string;
  fairId: string;
  companyId: string;
  seekerId: string;
  recruiterId: string;
  /** The queue entry it was taken from (null when the chat came from an accepted invitation). */
  entryId: string | null;
  waitedSeconds: number | null;
  now: Date;
}

/**
 * Opens a live booth chat and commits `chat.started` with it, inside the caller's transaction: the one way a live
 * chat begins ("take next" from the queue, a seeker accepting a company's invitation to chat). A seeker already in
 * an open live chat makes it throw a unique violation of `chats_one_open_live_per_seeker`.
 */
export async function startLiveChat(m: EntityManager, c: NewBoothChat): Promise<string> {
  const [chat] = rowsOf<{ id: string }>(
    await m.query(
      `INSERT INTO chats (kind, booth_id, fair_id, company_id, seeker_id, recruiter_id, queue_entry_id, waited_seconds, started_at, time_limit_minutes)
       VALUES ('live', $1, $2, $3, $4, $5, $6, $7, $8, (SELECT chat_minutes FROM booths WHERE id = $1)) RETURNING id`,
      [c.boothId, c.fairId, c.companyId, c.seekerId, c.recruiterId, c.entryId, c.waitedSeconds, c.now],
    ),
  );
  await appendDomainEvents(m, [
    domainEvent('chat.started', {
      chatId: chat.id,
      boothId: c.boothId,
      fairId: c.fairId,
      companyId: c.companyId,
      seekerId: c.seekerId,
      recruiterId: c.recruiterId,
      entryId: c.entryId,
      waitedSeconds: c.waitedSeconds,
    }),
  ]);
  return chat.id;
}

/** `chat.ended` of a chat ended at `now` by a participant or by its timer ('system'). */
function chatEnded(chat: ChatView, endedBy: string, now: Date) {
  return domainEvent('chat.ended', {
    chatId: chat.id,
    boothId: chat.boothId,
    fairId: chat.fairId,
    companyId: chat.companyId,
    seekerId: chat.seekerId,
    recruiterId: chat.recruiterId,
    endedBy,
    durationSeconds: Math.max(0, Math.round((now.getTime() - new Date(chat.startedAt).getTime()) / 1000)),
  });
}

/** Who may read and write a chat: its seeker, its recruiter, and (for a left message not yet taken) the company's staff. */
const PARTICIPANT = `(c.seeker_id = $2 OR c.recruiter_id = $2 OR (c.recruiter_id IS NULL AND c.kind = 'message'
  AND EXISTS (SELECT 1 FROM company_staff s WHERE s.company_id = c.company_id AND s.user_id = $2)))`;

/**
 * Conversations and their messages, for any feature that holds one (booth chat, and the chat beside a session room):
 * a message gets the chat's next `seq` under the chat's row lock and is stored with its domain event in one
 * transaction, and the gateways are woken with a `chat:<chatId>` commit hint to deliver it.
 */
@Injectable()
export class ChatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The chat when `userId` takes part in it; null otherwise (what a non-participant may not know exists). */
  async findForParticipant(chatId: string, userId: string, m: EntityManager = this.dataSource.manager): Promise<ChatView | null> {
    const rows = (await m.query(`SELECT ${CHAT_SELECT} ${CHAT_FROM} WHERE c.id = $1 AND ${PARTICIPANT}`, [chatId, userId])) as ChatView[];
    return rows[0] ?? null;
  }

  async findView(chatId: string, m: EntityManager = this.dataSource.manager): Promise<ChatView | null> {
    const rows = (await m.query(`SELECT ${CHAT_SELECT} ${CHAT_FROM} WHERE c.id = $1`, [chatId])) as ChatView[];
    return rows[0] ?? null;
  }

  /**
   * Stores a message with the chat's next seq (the chat row's lock orders concurrent posts) and its
   * `chat.message_posted` event, in one transaction: acknowledged only once it is durable.
   * A left message's first answer from staff makes the answering recruiter its participant.
   */
  async postMessage(chatId: string, senderId: string, body: string, now: Date): Promise<PostMessageOutcome> {
    return this.dataSource.transaction(async (m) => {
      const chat = await lockChatFor(m, chatId, senderId);
      if (!chat) return { outcome: 'not_found' as const };
      if (chat.endedAt) return { outcome: 'ended' as const };
      return { outcome: 'posted' as const, message: await appendChatMessage(m, chatId, chat, senderId, body, now) };
    });
  }

  /**
   * Any staff member of the chat's company sets or clears the private note and rating (undefined keeps a field).
   * `chat.reviewed` in the same transaction, without the text: nothing of it reaches the seeker.
   */
  async review(chatId: string, staffId: string, review: { note?: string | null; rating?: number | null }, now: Date): Promise<ReviewChatOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<ChatReviewView & { boothId: string | null; fairId: string | null; companyId: string | null; recruiterId: string | null }>(
        await m.query(
          `UPDATE chats c SET staff_note = CASE WHEN $3 THEN $4 ELSE c.staff_note END,
                              staff_rating = CASE WHEN $5 THEN $6::smallint ELSE c.staff_rating END,
                              reviewed_at = $7
            WHERE c.id = $1 AND ${COMPANY_STAFF}
            RETURNING ${REVIEW_SELECT}, c.booth_id AS "boothId", c.fair_id AS "fairId", c.company_id AS "companyId", c.recruiter_id AS "recruiterId"`,
          [chatId, staffId, review.note !== undefined, review.note ?? null, review.rating !== undefined, review.rating ?? null, now],
        ),
      );
      if (!row) return { outcome: 'not_found' as const };
      const { boothId, fairId, companyId, recruiterId, ...view } = row;
      await appendDomainEvents(m, [
        domainEvent('chat.reviewed', { chatId, boothId, fairId, companyId, seekerId: view.seekerId, recruiterId, reviewedBy: staffId }),
      ]);
      return { outcome: 'reviewed' as const, review: view };
    });
  }

  /** The note and rating, for the chat company's staff; null for anyone else. */
  async findReview(chatId: string, staffId: string): Promise<ChatReviewView | null> {
    const [row] = (await this.dataSource.query(`SELECT ${REVIEW_SELECT} FROM chats c WHERE c.id = $1 AND ${COMPANY_STAFF}`, [chatId, staffId])) as ChatReviewView[];
    return row ?? null;
  }

  /**
   * The chat's recruiter offers one of the booth's interview slots, free and in the future, to the chat's seeker:
   * the offer (which makes the slot bookable by that seeker), a message that carries it, and `chat.slot_offered`,
   * in one transaction. The slot's row is locked so that a booking confirmed meanwhile is seen.
   */
  async offerSlot(chatId: string, recruiterId: string, slotId: string, now: Date): Promise<OfferSlotOutcome> {
    return this.dataSource.transaction(async (m) => {
      const chat = await lockChatFor(m, chatId, recruiterId);
      if (!chat) return { outcome: 'not_found' as const };
      if (chat.recruiterId !== recruiterId || !chat.boothId || !chat.companyId) return { outcome: 'not_recruiter' as const };
      if (chat.endedAt) return { outcome: 'ended' as const };
      const [slot] = rowsOf<{ id: string; startsAt: Date; endsAt: Date; taken: boolean; companyName: string }>(
        await m.query(
          `SELECT s.id, s.starts_at AS "startsAt", s.ends_at AS "endsAt", co.name AS "companyName",
                  EXISTS (SELECT 1 FROM coaching_bookings b WHERE b.slot_id = s.id AND b.status = 'confirmed') AS taken
             FROM coaching_slots s JOIN booths bo ON bo.id = s.booth_id JOIN companies co ON co.id = bo.company_id
            WHERE s.id = $1 AND s.booth_id = $2 AND s.kind = 'interview' AND s.withdrawn_at IS NULL AND s.starts_at > $3
            FOR UPDATE OF s`,
          [slotId, chat.boothId, now],
        ),
      );
      if (!slot) return { outcome: 'slot_not_found' as const };
      if (slot.taken) return { outcome: 'slot_taken' as const };
      const [offer] = rowsOf<{ id: string }>(
        await m.query(
          `INSERT INTO chat_slot_offers (chat_id, slot_id, seeker_id, booth_id, company_id, offered_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT ON CONSTRAINT chat_slot_offers_once DO NOTHING RETURNING id`,
          [chatId, slotId, chat.seekerId, chat.boothId, chat.companyId, recruiterId, now],
        ),
      );
      if (!offer) return { outcome: 'already_offered' as const };
      const startsAt = new Date(slot.startsAt).toISOString();
      const endsAt = new Date(slot.endsAt).toISOString();
      const message = await appendChatMessage(m, chatId, chat, recruiterId, '면접 시간을 제안했습니다 / An interview slot is offered', now, {
        type: 'slot_offer',
        offerId: offer.id,
        slotId,
        startsAt,
        endsAt,
        ownWords: false,
      });
      await appendDomainEvents(m, [
        domainEvent('chat.slot_offered', {
          chatId,
          boothId: chat.boothId,
          fairId: chat.fairId,
          companyId: chat.companyId,
          seekerId: chat.seekerId,
          recruiterId,
          offerId: offer.id,
          slotId,
          startsAt,
          endsAt,
          companyName: slot.companyName,
          seq: message.seq,
        }),
      ]);
      return { outcome: 'offered' as const, offer: { id: offer.id, chatId, slotId, startsAt: slot.startsAt, endsAt: slot.endsAt, seq: message.seq } };
    });
  }

  /**
   * The chat beside a session room, made on first entry and the same ever after (one per room): the room's guest is
   * its seeker and its host its recruiter, so only the two of them read and write it. No company: a room's chat
   * shares nothing with a company the way a booth chat does.
   */
  async ensureForRoom(room: { id: string; fairId: string | null; hostId: string; guestId: string }, now: Date): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO chats (kind, room_id, fair_id, seeker_id, recruiter_id, started_at) VALUES ('room', $1, $2, $3, $4, $5)
       ON CONFLICT (room_id) DO NOTHING`,
      [room.id, room.fairId, room.guestId, room.hostId, now],
    );
    const [row] = rowsOf<{ id: string }>(await this.dataSource.query(`SELECT id FROM chats WHERE room_id = $1`, [room.id]));
    return row.id;
  }

  /** Messages with seq in (after, upTo], in order, at most `limit`. */
  async messagesSince(chatId: string, after: number, limit: number, upTo = 2_147_483_647): Promise<ChatMessageRow[]> {
    return (await this.dataSource.query(
      `SELECT ${MESSAGE_SELECT} FROM chat_messages WHERE chat_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
      [chatId, after, upTo, limit],
    )) as ChatMessageRow[];
  }

  /** The newest seq of each chat (for the gateways' catch-up poll). */
  async lastSeqs(chatIds: readonly string[]): Promise<Map<string, number>> {
    if (chatIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(`SELECT id, last_seq AS "lastSeq" FROM chats WHERE id = ANY($1::uuid[])`, [chatIds])) as {
      id: string;
      lastSeq: number;
    }[];
    return new Map(rows.map((r) => [r.id, r.lastSeq]));
  }

  /** Either participant ends the chat, once; `chat.ended` in the same transaction. */
  async end(chatId: string, userId: string, now: Date): Promise<EndChatOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ id: string; endedAt: Date | null }>(
        await m.query(`SELECT c.id, c.ended_at AS "endedAt" FROM chats c WHERE c.id = $1 AND ${PARTICIPANT} FOR UPDATE OF c`, [chatId, userId]),
      );
      if (!row) return { outcome: 'not_found' as const };
      if (!row.endedAt) {
        await m.query(`UPDATE chats SET ended_at = $2, ended_by = $3 WHERE id = $1`, [chatId, now, userId]);
        const chat = (await this.findView(chatId, m))!;
        await appendDomainEvents(m, [chatEnded(chat, userId, now)]);
        return { outcome: 'ended' as const, chat };
      }
      return { outcome: 'ended' as const, chat: (await this.findView(chatId, m))! };
    });
  }

  /**
   * The booth's chat timer ran out: the chat ends (`chat.ended` by 'system'), unless it ended already or its time
   * is not up (on the fair clock). Idempotent.
   */
  async endByTimer(chatId: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ id: string }>(
        await m.query(
          `UPDATE chats SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL AND time_limit_minutes IS NOT NULL
              AND started_at + make_interval(mins => time_limit_minutes) <= $2 RETURNING id`,
          [chatId, now],
        ),
      );
      if (!row) return false;
      const chat = (await this.findView(chatId, m))!;
      await appendDomainEvents(m, [chatEnded(chat, 'system', now)]);
      return true;
    });
  }

  /** `chat.time_warning` for a running chat with a timer; false when it ended or has none. Idempotent per chat by job id. */
  async warnTimeRunningOut(chatId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const chat = await this.findView(chatId, m);
      if (!chat || chat.endedAt || !chat.endsAt) return false;
      await appendDomainEvents(m, [
        domainEvent('chat.time_warning', {
          chatId,
          boothId: chat.boothId,
          fairId: chat.fairId,
          companyId: chat.companyId,
          seekerId: chat.seekerId,
          recruiterId: chat.recruiterId,
          endsAt: new Date(chat.endsAt).toISOString(),
        }),
      ]);
      return true;
    });
  }

  /** The participant has read up to `seq` (never past the newest message, never backwards); null for a non-participant. */
  async markRead(chatId: string, userId: string, seq: number): Promise<number | null> {
    const [row] = rowsOf<{ readSeq: number }>(
      await this.dataSource.query(
        `UPDATE chats c SET
           seeker_read_seq = CASE WHEN c.seeker_id = $2 THEN greatest(c.seeker_read_seq, least($3, c.last_seq)) ELSE c.seeker_read_seq END,
           recruiter_read_seq = CASE WHEN c.seeker_id <> $2 THEN greatest(c.recruiter_read_seq, least($3, c.last_seq)) ELSE c.recruiter_read_seq END
          WHERE c.id = $1 AND (c.seeker_id = $2 OR c.recruiter_id = $2)
          RETURNING CASE WHEN c.seeker_id = $2 THEN c.seeker_read_seq ELSE c.recruiter_read_seq END AS "readSeq"`,
        [chatId, userId, seq],
      ),
    );
    return row ? row.readSeq : null;
  }

  /** A user's chats (as seeker or recruiter), newest first, keyset-paginated. */
  async listForUser(userId: string, limit: number, after?: { startedAt: Date; id: string }): Promise<ChatView[]> {
    return (await this.dataSource.query(
      `SELECT ${CHAT_SELECT} ${CHAT_FROM}
        WHERE (c.seeker_id = $1 OR c.recruiter_id = $1) AND c.kind <> 'room'
          AND ($2::timestamptz IS NULL OR (c.started_at, c.id) < ($2::timestamptz, $3::uuid))
        ORDER BY c.started_at DESC, c.id DESC LIMIT $4`,
      [userId, after?.startedAt ?? null, after?.id ?? null, limit + 1],
    )) as ChatView[];
  }
}
