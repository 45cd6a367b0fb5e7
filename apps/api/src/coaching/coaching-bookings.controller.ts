import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser, WriteLimit, CurrentUser, Roles, VerifiedEmailGuard } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { CoachingBookingsService } from './coaching-bookings.service';
import { BookingDto, BookingListQueryDto, BookingPageDto, CompleteBookingDto, CreateBookingDto, RescheduleBookingDto, ResumeSharingDto } from './dto/booking.dto';

@ApiTags('coaching')
@ApiBearerAuth()
@Controller()
export class CoachingBookingsController {
  constructor(private readonly bookings: CoachingBookingsService) {}

  @Post('coaching/bookings')
  @Roles('seeker')
  @WriteLimit('bookings')
  @UseGuards(VerifiedEmailGuard)
  @ApiForbiddenResponse({ description: 'EMAIL_NOT_VERIFIED when EMAIL_VERIFICATION is required and the address is not verified yet' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and body give back the same booking' })
  @ApiCreatedResponse({ type: BookingDto, description: 'settled: confirmed or rejected with a reason' })
  @ApiNotFoundResponse({ description: 'SLOT_NOT_FOUND' })
  @ApiAcceptedResponse({ type: BookingDto, description: 'still pending; read it later' })
  @ApiConflictResponse({ description: 'IDEMPOTENCY_KEY_REUSED' })
  async requestBooking(
    @Body() dto: CreateBookingDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BookingDto> {
    const booking = await this.bookings.requestBooking(user, dto.slotId, idempotencyKey);
    reply.status(booking.status === 'pending' ? 202 : 201);
    return BookingDto.from(booking);
  }

  @Get('coaching/bookings/:bookingId')
  @ApiOkResponse({ type: BookingDto })
  async getBooking(@Param('bookingId', uuidParam('bookingId')) bookingId: string, @CurrentUser() user: AuthenticatedUser): Promise<BookingDto> {
    return BookingDto.from(await this.bookings.getBooking(user, bookingId));
  }

  @Get('me/coaching/bookings')
  @Roles('seeker', 'coach', 'recruiter')
  @ApiOkResponse({ type: BookingPageDto })
  listMine(@Query() query: BookingListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<BookingPageDto> {
    return this.bookings.listMyBookings(user, query);
  }

  @Post('coaching/bookings/:bookingId/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: BookingDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only its seeker or coach' })
  @ApiConflictResponse({ description: 'BOOKING_NOT_CANCELLABLE, CANCEL_CUTOFF_PASSED' })
  async cancel(@Param('bookingId', uuidParam('bookingId')) bookingId: string, @CurrentUser() user: AuthenticatedUser): Promise<BookingDto> {
    return BookingDto.from(await this.bookings.cancelBooking(user, bookingId));
  }

  @Post('coaching/bookings/:bookingId/reschedule')
  @Roles('seeker')
  @WriteLimit('bookings')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and body give back the same new booking' })
  @ApiCreatedResponse({
    type: BookingDto,
    description:
      'the new booking, settled: confirmed (the old one is then cancelled, in the same transaction) or rejected with a reason (the old one stays)',
  })
  @ApiAcceptedResponse({ type: BookingDto, description: 'the new booking, still pending; the old one is kept until it is decided' })
  @ApiConflictResponse({ description: 'BOOKING_NOT_RESCHEDULABLE, CANCEL_CUTOFF_PASSED, RESCHEDULE_SAME_SLOT, RESCHEDULE_OTHER_KIND, RESCHEDULE_PENDING' })
  async reschedule(
    @Param('bookingId', uuidParam('bookingId')) bookingId: string,
    @Body() dto: RescheduleBookingDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BookingDto> {
    const booking = await this.bookings.rescheduleBooking(user, bookingId, dto.slotId, idempotencyKey);
    reply.status(booking.status === 'pending' ? 202 : 201);
    return BookingDto.from(booking);
  }

  @Put('coaching/bookings/:bookingId/resume-sharing')
  @Roles('seeker')
  @ApiOkResponse({ type: BookingDto, description: "the booking; while `resumeShared`, its coach sees the seeker's resume in their session list and may download it" })
  @ApiNotFoundResponse({ description: 'BOOKING_NOT_FOUND: not the caller\'s booking' })
  @ApiConflictResponse({ description: 'BOOKING_NOT_SHAREABLE: an interview (the company sees the resume of an application anyway), or a cancelled or rejected booking' })
  async setResumeSharing(
    @Param('bookingId', uuidParam('bookingId')) bookingId: string,
    @Body() dto: ResumeSharingDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<BookingDto> {
    return BookingDto.from(await this.bookings.setResumeSharing(user, bookingId, dto.shared));
  }

  @Post('coaching/bookings/:bookingId/complete')
  @HttpCode(200)
  @Roles('coach', 'recruiter')
  @ApiOkResponse({ type: BookingDto })
  @ApiConflictResponse({ description: 'BOOKING_NOT_MARKABLE, SESSION_NOT_STARTED' })
  async complete(
    @Param('bookingId', uuidParam('bookingId')) bookingId: string,
    @Body() dto: CompleteBookingDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<BookingDto> {
    return BookingDto.from(await this.bookings.markSession(user, bookingId, 'completed', dto.feedback ?? null));
  }

  @Post('coaching/bookings/:bookingId/no-show')
  @HttpCode(200)
  @Roles('coach', 'recruiter')
  @ApiOkResponse({ type: BookingDto })
  @ApiConflictResponse({ description: 'BOOKING_NOT_MARKABLE, SESSION_NOT_STARTED, NO_SHOW_TOO_EARLY (before start + 10 min), SEEKER_PRESENT (in the room)' })
  async noShow(@Param('bookingId', uuidParam('bookingId')) bookingId: string, @CurrentUser() user: AuthenticatedUser): Promise<BookingDto> {
    return BookingDto.from(await this.bookings.markSession(user, bookingId, 'no_show', null));
  }
}
