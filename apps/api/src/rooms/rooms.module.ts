import { Module } from '@nestjs/common';
import { ChatsRepository, CoachingBookingsRepository, SessionRoomsRepository, UsersRepository } from '@bisang/database';
import { IceServers } from './ice-servers';
import { RoomsController } from './rooms.controller';
import { RoomsService } from './rooms.service';

/**
 * Session rooms: 1:1 video rooms of confirmed bookings (and, through RoomsService.openRoomForChat, of booth chats
 * turned into calls). Media flows peer to peer; the gateway relays signalling (apps/realtime/src/fair/session-rooms-relay.service.ts).
 */
@Module({
  controllers: [RoomsController],
  providers: [SessionRoomsRepository, UsersRepository, ChatsRepository, CoachingBookingsRepository, IceServers, RoomsService],
  exports: [RoomsService],
})
export class RoomsModule {}
