import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, Roles } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { CoachingSlotsService } from './coaching-slots.service';
import { AvailabilityResultDto, CreateAvailabilityDto } from './dto/availability.dto';
import { SlotListQueryDto, SlotPageDto, WithdrawnSlotDto } from './dto/slot.dto';
import { JoinWaitlistDto, WaitlistEntryDto, WaitlistListQueryDto, WaitlistPageDto } from './dto/waitlist.dto';

@ApiTags('coaching')
@ApiBearerAuth()
@Controller()
export class CoachingSlotsController {
  constructor(private readonly slots: CoachingSlotsService) {}

  @Post('fairs/:fairId/coaching/availability')
  @Roles('coach')
  @ApiCreatedResponse({ type: AvailabilityResultDto })
  @ApiForbiddenResponse({ description: 'COACH_NOT_APPROVED: an organizer has not approved the coach for this fair (POST /fairs/:fairId/coaches/:coachId/approve)' })
  @ApiConflictResponse({ description: 'AVAILABILITY_OVERLAPS, FAIR_CLOSED' })
  async publishAvailability(
    @Param('fairId', uuidParam('fairId')) fairId: string,
    @Body() dto: CreateAvailabilityDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AvailabilityResultDto> {
    const slots = await this.slots.publishAvailability(user, fairId, dto);
    return { slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })) };
  }

  @Get('fairs/:fairId/coaching/slots')
  @Public()
  @ApiOkResponse({ type: SlotPageDto })
  listSlots(
    @Param('fairId', uuidParam('fairId')) fairId: string,
    @Query() query: SlotListQueryDto,
    @CurrentUser() user: AuthenticatedUser | undefined,
  ): Promise<SlotPageDto> {
    return this.slots.listSlots(fairId, query, user);
  }

  @Post('coaching/slots/:slotId/withdraw')
  @HttpCode(200)
  @Roles('coach', 'recruiter')
  @ApiOkResponse({ type: WithdrawnSlotDto })
  @ApiConflictResponse({ description: 'SLOT_BOOKED, SLOT_WITHDRAWN' })
  async withdrawSlot(@Param('slotId', uuidParam('slotId')) slotId: string, @CurrentUser() user: AuthenticatedUser): Promise<WithdrawnSlotDto> {
    return WithdrawnSlotDto.from(await this.slots.withdrawSlot(user, slotId));
  }

  @Post('fairs/:fairId/coaching/waitlist')
  @Roles('seeker')
  @ApiCreatedResponse({ type: WaitlistEntryDto, description: 'a freed slot of that coach and day is held for the first waiter' })
  @ApiConflictResponse({ description: 'ALREADY_WAITING' })
  joinWaitlist(
    @Param('fairId', uuidParam('fairId')) fairId: string,
    @Body() dto: JoinWaitlistDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<WaitlistEntryDto> {
    return this.slots.joinWaitlist(user, fairId, dto);
  }

  @Delete('fairs/:fairId/coaching/waitlist/:entryId')
  @Roles('seeker')
  @ApiOperation({
    summary: 'Leave a waitlist',
    description:
      'The seeker leaves one of their waiting or offered entries; it ends with status "left". A slot held for them passes to the next waiter at once.',
  })
  @ApiOkResponse({ type: WaitlistEntryDto, description: 'the entry, status "left"' })
  @ApiNotFoundResponse({ description: 'WAITLIST_ENTRY_NOT_FOUND (also for another seeker\'s entry)' })
  @ApiConflictResponse({ description: 'WAITLIST_ENTRY_CLOSED: already accepted, expired or left' })
  leaveWaitlist(
    @Param('fairId', uuidParam('fairId')) fairId: string,
    @Param('entryId', uuidParam('entryId')) entryId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<WaitlistEntryDto> {
    return this.slots.leaveWaitlist(user, fairId, entryId);
  }

  @Get('me/coaching/waitlist')
  @Roles('seeker')
  @ApiOkResponse({ type: WaitlistPageDto, description: 'the seeker\'s waitlist entries, newest first' })
  listMyWaitlist(@Query() query: WaitlistListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<WaitlistPageDto> {
    return this.slots.listMyWaitlist(user, query);
  }
}
