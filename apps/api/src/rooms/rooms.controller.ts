import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { RoomEntryDto } from './dto/room.dto';
import { RoomsService } from './rooms.service';

@ApiTags('rooms')
@ApiBearerAuth()
@Controller()
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Post('coaching/bookings/:bookingId/room')
  @HttpCode(200)
  @ApiOkResponse({ type: RoomEntryDto, description: 'the booking\'s room and the ICE servers (TURN credentials for the caller only, short-lived)' })
  @ApiUnauthorizedResponse({ description: 'not signed in' })
  @ApiNotFoundResponse({ description: 'ROOM_NOT_FOUND: not its seeker or coach, or the booking is not confirmed' })
  @ApiConflictResponse({ description: 'ROOM_NOT_OPEN, with `opensAt` and `closesAt`: open from 10 min before the start to 15 min after the end' })
  openForBooking(@Param('bookingId', uuidParam('bookingId')) bookingId: string, @CurrentUser() user: AuthenticatedUser): Promise<RoomEntryDto> {
    return this.rooms.openRoomForBooking(user, bookingId);
  }

  @Post('chats/:chatId/room')
  @HttpCode(200)
  @ApiOkResponse({ type: RoomEntryDto, description: "the booth chat's call: open at once, for its two participants (the same shape as a booking's room)" })
  @ApiUnauthorizedResponse({ description: 'not signed in' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such chat, or not one of its participants' })
  @ApiConflictResponse({ description: 'CHAT_ENDED: the chat has ended; NO_RECRUITER: a left message nobody has answered yet' })
  openForChat(@Param('chatId', uuidParam('chatId')) chatId: string, @CurrentUser() user: AuthenticatedUser): Promise<RoomEntryDto> {
    return this.rooms.openRoomForChatOf(user, chatId);
  }
}
