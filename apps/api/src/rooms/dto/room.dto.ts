import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BookingStatus, IceServer, RoomEntry, SlotKind } from '@bisang/contracts';

export class IceServerDto implements IceServer {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], example: ['turn:turn.example.org:3478'] })
  urls: string | string[];
  @ApiPropertyOptional({ description: 'TURN: `<expiry unix seconds>:<user id>`' }) username?: string;
  @ApiPropertyOptional({ description: 'TURN: short-lived, for this user only' }) credential?: string;
}

export class RoomPeerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "to the host of a booking's room: the seeker's resume where the seeker consents (as in the session list), else null",
  })
  resumeId?: string | null;
}

export class RoomEntryDto implements RoomEntry {
  @ApiProperty({ format: 'uuid', description: 'the same for a booking (or chat) every time' }) roomId: string;
  @ApiProperty({ description: 'a booking: 10 minutes before its start' }) opensAt: string;
  @ApiProperty({ description: 'a booking: 15 minutes after its end' }) closesAt: string;
  @ApiProperty({ type: [IceServerDto] }) iceServers: IceServerDto[];
  @ApiProperty({ enum: ['booking', 'chat'] }) kind: 'booking' | 'chat';
  @ApiProperty({ format: 'uuid', description: 'the booking or chat' }) refId: string;
  @ApiProperty({ format: 'uuid', description: "the room's text chat (messages as in booth chat: POST/GET /chats/:chatId/messages, chat:join); a chat's call uses the booth chat itself" })
  chatId: string;
  @ApiProperty({ enum: ['host', 'guest'], description: 'host: the coach, interviewer or recruiter' }) as: 'host' | 'guest';
  @ApiProperty({ type: RoomPeerDto }) peer: RoomPeerDto;
  @ApiPropertyOptional() startsAt?: string;
  @ApiPropertyOptional() endsAt?: string;
  @ApiPropertyOptional({ enum: ['coaching', 'interview'] }) slotKind?: SlotKind;
  @ApiPropertyOptional({ enum: ['confirmed', 'completed'] }) bookingStatus?: BookingStatus;
  @ApiPropertyOptional({ description: 'from when the host may mark a no-show if the seeker is not in the room' }) noShowFrom?: string;
}
