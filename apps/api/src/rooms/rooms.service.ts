import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError, conflict , clock } from '@bisang/common';
import type { AuthenticatedUser } from '@bisang/auth';
import type { RoomEntry } from '@bisang/contracts';
import { ChatsRepository, CoachingBookingsRepository, NO_SHOW_AFTER_START_MS, SessionRoom, SessionRoomsRepository, UsersRepository } from '@bisang/database';
import { IceServers } from './ice-servers';
import { RoomNotOpenError, roomNotFound } from './rooms.errors';

/** How long a booth chat's call room stays open once a participant turned the chat into a call. */
export const CHAT_ROOM_OPEN_MS = 2 * 3600_000;

/** The participants of a booth chat, as the chat module knows them. */
export interface ChatParticipants {
  /** The recruiter (the host of the call). */
  recruiterId: string;
  seekerId: string;
  fairId: string | null;
}

/**
 * Entering a session room: who may (its two participants only; to anyone else it does not exist), when (its
 * window), and the ICE servers to reach the other side with.
 */
@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: SessionRoomsRepository,
    private readonly users: UsersRepository,
    private readonly ice: IceServers,
    private readonly chats: ChatsRepository,
    private readonly bookings: CoachingBookingsRepository,
  ) {}

  /** The room of a confirmed coaching or interview booking, for its seeker or its coach / interviewer. */
  async openRoomForBooking(user: AuthenticatedUser, bookingId: string, now = clock.now()): Promise<RoomEntry> {
    const room = await this.rooms.ensureForBooking(bookingId);
    if (!room || !isParticipant(room, user.id) || !SessionRoomsRepository.isEnterable(room)) throw roomNotFound();
    if (now < room.opensAt || now > room.closesAt) throw new RoomNotOpenError(room.opensAt, room.closesAt);
    return this.entryFor(room, user.id, now);
  }

  /**
   * The room of a booth chat turned into a call: open at once, for `CHAT_ROOM_OPEN_MS`. The caller (the chat
   * module) has checked that `user` is one of the chat's participants; the same chat always gives the same room.
   */
  /** `POST /chats/:chatId/room`: a booth chat turned into a call, for its two participants, open at once. */
  async openRoomForChatOf(user: AuthenticatedUser, chatId: string): Promise<RoomEntry> {
    const chat = await this.chats.findForParticipant(chatId, user.id);
    if (!chat) throw new DomainError(HttpStatus.NOT_FOUND, 'NOT_FOUND', '대화를 찾을 수 없습니다 / Chat not found');
    if (chat.endedAt) throw conflict('CHAT_ENDED', '이미 끝난 대화입니다 / This chat has ended');
    if (!chat.recruiterId) throw conflict('NO_RECRUITER', '아직 답한 채용담당자가 없습니다 / No recruiter has answered this message yet');
    return this.openRoomForChat(user, chatId, { recruiterId: chat.recruiterId, seekerId: chat.seekerId, fairId: chat.fairId });
  }

  async openRoomForChat(user: AuthenticatedUser, chatId: string, participants: ChatParticipants, now = clock.now()): Promise<RoomEntry> {
    const room = await this.rooms.ensureForChat({
      chatId,
      fairId: participants.fairId,
      hostId: participants.recruiterId,
      guestId: participants.seekerId,
      opensAt: now,
      closesAt: new Date(now.getTime() + CHAT_ROOM_OPEN_MS),
    });
    if (!isParticipant(room, user.id)) throw roomNotFound();
    if (now > room.closesAt) throw new RoomNotOpenError(room.opensAt, room.closesAt);
    return this.entryFor(room, user.id, now);
  }

  private async entryFor(room: SessionRoom, userId: string, now: Date): Promise<RoomEntry> {
    const peerId = room.hostId === userId ? room.guestId : room.hostId;
    const peer = await this.users.findById(peerId);
    const b = room.booking;
    const chatId = room.kind === 'chat' ? room.refId : await this.chats.ensureForRoom(room, now);
    // The host of a booking's room has the seeker's resume at hand where the seeker consents (as in their session list).
    const resumeId = b && room.hostId === userId ? ((await this.bookings.partiesOf([room.refId])).get(room.refId)?.resumeId ?? null) : undefined;
    return {
      roomId: room.id,
      opensAt: room.opensAt.toISOString(),
      closesAt: room.closesAt.toISOString(),
      iceServers: this.ice.for(userId, now),
      kind: room.kind,
      refId: room.refId,
      chatId,
      as: room.hostId === userId ? 'host' : 'guest',
      peer: { id: peerId, name: peer?.name ?? '', ...(resumeId !== undefined ? { resumeId } : {}) },
      ...(b
        ? {
            startsAt: b.startsAt.toISOString(),
            endsAt: b.endsAt.toISOString(),
            slotKind: b.kind,
            bookingStatus: b.status,
            noShowFrom: new Date(b.startsAt.getTime() + NO_SHOW_AFTER_START_MS).toISOString(),
          }
        : {}),
    };
  }
}

const isParticipant = (room: SessionRoom, userId: string) => room.hostId === userId || room.guestId === userId;
