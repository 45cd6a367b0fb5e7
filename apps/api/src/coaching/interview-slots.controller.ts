import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, OwnedBy, Public, Roles } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { BoothStaffPolicy } from '../booths/booth-staff.policy';
import { CoachingSlotsService } from './coaching-slots.service';
import { AvailabilityResultDto, CreateAvailabilityDto } from './dto/availability.dto';
import { SlotListQueryDto, SlotPageDto } from './dto/slot.dto';

/** Recruiters' interview slots for their booth: booked through `POST /coaching/bookings` like coaching slots. */
@ApiTags('coaching')
@ApiBearerAuth()
@Controller()
export class InterviewSlotsController {
  constructor(private readonly slots: CoachingSlotsService) {}

  @Post('booths/:boothId/interview-slots/availability')
  @Roles('recruiter')
  @OwnedBy(BoothStaffPolicy, 'boothId')
  @ApiOperation({
    summary: 'Publish interview availability of a booth',
    description:
      'Same body and answer as coaching availability. Only seekers with an application of this booth in the interview stage can book these slots.',
  })
  @ApiCreatedResponse({ type: AvailabilityResultDto })
  @ApiConflictResponse({ description: 'AVAILABILITY_OVERLAPS, BOOTH_NOT_APPROVED, FAIR_CLOSED' })
  async publishAvailability(
    @Param('boothId', uuidParam('boothId')) boothId: string,
    @Body() dto: CreateAvailabilityDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AvailabilityResultDto> {
    const slots = await this.slots.publishInterviewAvailability(user, boothId, dto);
    return { slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })) };
  }

  @Get('booths/:boothId/interview-slots')
  @Public()
  @ApiOkResponse({ type: SlotPageDto })
  listSlots(
    @Param('boothId', uuidParam('boothId')) boothId: string,
    @Query() query: SlotListQueryDto,
    @CurrentUser() user: AuthenticatedUser | undefined,
  ): Promise<SlotPageDto> {
    return this.slots.listInterviewSlots(boothId, query, user);
  }
}
