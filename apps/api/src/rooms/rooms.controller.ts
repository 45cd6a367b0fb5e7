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
}
