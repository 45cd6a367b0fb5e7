import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsUUID, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { ListQueryDto } from '@bisang/common';
import { EDUCATION_LEVELS } from '@bisang/contracts';
import type {
  BoothChatSettings,
  Chat,
  ChatAction,
  ChatInvitationInput,
  ChatReview,
  ChatReviewInput,
  ChatSlotOffer,
  ChatSlotOfferInput,
  EducationLevel,
  SeekerPreview,
  ChatEnded,
  ChatKind,
  ChatMessage,
  ChatMessages,
  PostMessageInput,
  HandOverInput,
  QueueEntry,
  ReadMarker,
  ReadMarkerInput,
  QueuePosition,
  StaffPresence,
  StaffPresenceInput,
  StaffQueue,
  StaffQueueItem,
} from '@bisang/contracts';
import type { ChatMessageRow, ChatReviewView, ChatView, SlotOfferView, WaitingSeeker } from '@bisang/database';
import { chatMessageOf } from '@bisang/database';

/** NUL, other C0 controls except tab and line breaks, and bidirectional controls: never in a message. */
export const FORBIDDEN_IN_MESSAGE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
export const MESSAGE_MAX = 2000;

export class PostMessageDto implements PostMessageInput {
  @ApiProperty({ minLength: 1, maxLength: MESSAGE_MAX, example: '안녕하세요, 생산관리 직무에 대해 여쭤봐도 될까요?' })
  @IsString({ message: 'body must be a string' })
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(MESSAGE_MAX, { message: `body must be at most ${MESSAGE_MAX} characters` })
  @Matches(/\S/, { message: 'body must not be blank' })
  @Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]*$/, {
    message: 'body must not contain NUL, control or bidirectional control characters',
  })
  body: string;
}

export class LeaveMessageDto extends PostMessageDto {}

export class MessagesQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'messages with seq greater than this (default 0: all)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'since must be a whole number' })
  @Min(0, { message: 'since must not be negative' })
  @Max(2_147_483_647, { message: 'since is too large' })
  since?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 500 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'limit must be a whole number from 1 to 500' })
  @Min(1, { message: 'limit must be a whole number from 1 to 500' })
  @Max(500, { message: 'limit must be a whole number from 1 to 500' })
  limit?: number;
}

export class ChatListQueryDto extends ListQueryDto {}

export class StaffPresenceDto implements StaffPresenceInput {
  @ApiProperty() @IsBoolean({ message: 'online must be true or false' }) online: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 4, default: 2, nullable: true, description: 'null or left out: 2' })
  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number from 1 to 4' })
  @Min(1, { message: 'capacity must be a whole number from 1 to 4' })
  @Max(4, { message: 'capacity must be a whole number from 1 to 4' })
  capacity?: number;
}

export class StaffPresenceViewDto implements StaffPresence {
  @ApiProperty() boothId: string;
  @ApiProperty() online: boolean;
  @ApiProperty() capacity: number;
  @ApiProperty() openChats: number;
}

export class QueueEntryDto implements QueueEntry {
  @ApiProperty() entryId: string;
  @ApiProperty() boothId: string;
  @ApiProperty({ description: '1 = next' }) position: number;
  @ApiProperty({ type: Number, nullable: true, description: 'estimated wait; null until the booth has at least 3 measured chats' })
  etaSeconds: number | null;
}

export class QueuePositionDto implements QueuePosition {
  @ApiProperty() position: number;
  @ApiProperty({ type: Number, nullable: true }) etaSeconds: number | null;
}

class QueueSeekerDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

class SeekerPreviewDto implements SeekerPreview {
  @ApiProperty({ type: Number, nullable: true }) age: number | null;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: [String], description: 'desired KECO major groups' }) jobCategories: string[];
  @ApiProperty({ type: Number, nullable: true }) careerYears: number | null;
  @ApiProperty({ enum: EDUCATION_LEVELS, nullable: true }) education: EducationLevel | null;
  @ApiProperty() uturn: boolean;
  @ApiProperty() hasResume: boolean;
}

export class StaffQueueItemDto implements StaffQueueItem {
  @ApiProperty() entryId: string;
  @ApiProperty({ type: QueueSeekerDto }) seeker: QueueSeekerDto;
  @ApiProperty() joinedAt: string;
  @ApiProperty({ type: SeekerPreviewDto, description: 'what the seeker shared by queueing (the whole profile: GET /seekers/:seekerId/profile)' })
  preview: SeekerPreviewDto;
  @ApiProperty({ type: String, nullable: true, description: "since when the seeker's connections are gone (place kept for a grace period, skipped by take-next)" })
  awaySince: string | null;

  static from(w: WaitingSeeker): StaffQueueItemDto {
    return {
      entryId: w.entryId,
      seeker: { id: w.seekerId, name: w.seekerName },
      joinedAt: new Date(w.joinedAt).toISOString(),
      preview: {
        age: w.age,
        region: w.region,
        jobCategories: w.jobCategories,
        careerYears: w.careerYears,
        education: w.education,
        uturn: w.uturn,
        hasResume: w.hasResume,
      },
      awaySince: w.awaySince ? new Date(w.awaySince).toISOString() : null,
    };
  }
}

export class StaffQueueDto implements StaffQueue {
  @ApiProperty({ type: [StaffQueueItemDto], description: 'waiting seekers in serving order' }) items: StaffQueueItemDto[];
}

export class ChatDto implements Chat {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) boothId: string | null;
  @ApiProperty() seekerId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for a left message no recruiter answered yet' }) recruiterId: string | null;
  @ApiProperty() startedAt: string;
  @ApiProperty({ type: String, nullable: true }) endedAt: string | null;
  @ApiProperty({ enum: ['live', 'message', 'room'], description: 'room: the chat beside a session room' }) kind: ChatKind;
  @ApiProperty({ description: 'the newest message seq (0 when none)' }) lastSeq: number;
  @ApiProperty({ description: "the caller's read marker: unread = lastSeq - readSeq" }) readSeq: number;
  @ApiProperty({ description: "the other participant's read marker" }) otherReadSeq: number;
  @ApiProperty() seekerName: string;
  @ApiProperty({ type: String, nullable: true }) companyName: string | null;
  @ApiProperty({ type: String, nullable: true, description: "when the booth's chat timer ends the chat (null for a left message)" }) endsAt: string | null;

  static from(c: ChatView, viewerId: string): ChatDto {
    const mine = viewerId === c.seekerId ? c.seekerReadSeq : c.recruiterReadSeq;
    const theirs = viewerId === c.seekerId ? c.recruiterReadSeq : c.seekerReadSeq;
    return {
      id: c.id,
      boothId: c.boothId,
      seekerId: c.seekerId,
      recruiterId: c.recruiterId,
      startedAt: new Date(c.startedAt).toISOString(),
      endedAt: c.endedAt ? new Date(c.endedAt).toISOString() : null,
      kind: c.kind,
      lastSeq: c.lastSeq,
      readSeq: mine,
      otherReadSeq: theirs,
      seekerName: c.seekerName,
      companyName: c.companyName,
      endsAt: c.endsAt ? new Date(c.endsAt).toISOString() : null,
    };
  }
}

export class ReadMarkerDto implements ReadMarkerInput {
  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt({ message: 'seq must be a whole number' })
  @Min(0, { message: 'seq must not be negative' })
  @Max(2_147_483_647, { message: 'seq is too large' })
  seq: number;
}

export class ReadMarkerViewDto implements ReadMarker {
  @ApiProperty() chatId: string;
  @ApiProperty() readSeq: number;
}

export class HandOverDto implements HandOverInput {
  @ApiProperty({ format: 'uuid', description: 'a colleague at the booth, online there with a free chat slot' })
  @IsUUID('all', { message: 'recruiterId must be a UUID' })
  recruiterId: string;
}

export class ChatEndedDto implements ChatEnded {
  @ApiProperty() id: string;
  @ApiProperty() endedAt: string;
}

export class ChatMessageDto implements ChatMessage {
  @ApiProperty() id: string;
  @ApiProperty() chatId: string;
  @ApiProperty({ description: 'strictly increasing per chat, from 1' }) seq: number;
  @ApiProperty({ type: String, nullable: true }) senderId: string | null;
  @ApiProperty() body: string;
  @ApiProperty() at: string;
  @ApiPropertyOptional({
    type: Object,
    description:
      "a recruiter's act the message carries: {type: 'invitation', invitationId, postingId, postingTitle} (accept at POST /pool-invitations/:id/accept) " +
      "or {type: 'slot_offer', offerId, slotId, startsAt, endsAt} (book at POST /coaching/bookings); ownWords: false when the body is " +
      "the server's bilingual default rather than the recruiter's words",
  })
  action?: ChatAction;

  /** `action` only on a message that carries one: a plain message keeps the contract's shape exactly. */
  static from(m: ChatMessageRow): ChatMessageDto {
    return chatMessageOf(m);
  }
}

export class ChatMessagesDto implements ChatMessages {
  @ApiProperty({ type: [ChatMessageDto] }) items: ChatMessageDto[];
}

export class ChatReviewInputDto implements ChatReviewInput {
  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true, description: "private to the company's staff; null clears it" })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString({ message: 'note must be a string' })
  @MaxLength(5000, { message: 'note must be at most 5000 characters' })
  @Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]*$/, {
    message: 'note must not contain NUL, control or bidirectional control characters',
  })
  note?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5, nullable: true, description: "private to the company's staff; null clears it" })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  @Min(1, { message: 'rating must be a whole number from 1 to 5' })
  @Max(5, { message: 'rating must be a whole number from 1 to 5' })
  rating?: number | null;
}

export class ChatReviewDto implements ChatReview {
  @ApiProperty() chatId: string;
  @ApiProperty() seekerId: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: Number, nullable: true }) rating: number | null;
  @ApiProperty({ type: String, nullable: true }) reviewedAt: string | null;

  static from(r: ChatReviewView): ChatReviewDto {
    return { chatId: r.chatId, seekerId: r.seekerId, note: r.note, rating: r.rating, reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null };
  }
}

export class ChatInvitationInputDto implements ChatInvitationInput {
  @ApiProperty({ format: 'uuid', description: "an open, published posting of the chat's booth" })
  @IsUUID('all', { message: 'postingId must be a UUID' })
  postingId: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'shown to the seeker in the chat with the invitation' })
  @IsOptional()
  @IsString({ message: 'message must be a string' })
  @MaxLength(1000, { message: 'message must be at most 1000 characters' })
  @Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]*$/, {
    message: 'message must not contain NUL, control or bidirectional control characters',
  })
  message?: string;
}

export class ChatSlotOfferInputDto implements ChatSlotOfferInput {
  @ApiProperty({ format: 'uuid', description: "a free, future interview slot of the chat's booth" })
  @IsUUID('all', { message: 'slotId must be a UUID' })
  slotId: string;
}

export class ChatSlotOfferDto implements ChatSlotOffer {
  @ApiProperty() id: string;
  @ApiProperty() chatId: string;
  @ApiProperty() slotId: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ description: 'the chat message that carries the offer' }) seq: number;

  static from(o: SlotOfferView): ChatSlotOfferDto {
    return { id: o.id, chatId: o.chatId, slotId: o.slotId, startsAt: new Date(o.startsAt).toISOString(), endsAt: new Date(o.endsAt).toISOString(), seq: o.seq };
  }
}

export class BoothChatSettingsInputDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 120, description: 'how long a chat at the booth lasts; both sides are warned before it ends' })
  @IsInt({ message: 'chatMinutes must be a whole number from 1 to 120' })
  @Min(1, { message: 'chatMinutes must be a whole number from 1 to 120' })
  @Max(120, { message: 'chatMinutes must be a whole number from 1 to 120' })
  chatMinutes: number;
}

export class BoothChatSettingsDto implements BoothChatSettings {
  @ApiProperty() boothId: string;
  @ApiProperty() chatMinutes: number;
}
