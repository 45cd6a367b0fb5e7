import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { ApprovedCoachDto, FairCoachListDto, FairCoachQueryDto, MyFairCoachDto } from './dto/fair-coach.dto';
import { FairCoachesService } from './fair-coaches.service';

@ApiTags('coaching')
@ApiBearerAuth()
@Controller('fairs/:fairId/coaches')
export class FairCoachesController {
  constructor(private readonly coaches: FairCoachesService) {}

  @Post('me')
  @Roles('coach')
  @ApiOperation({ summary: 'Ask to coach in the fair: pending until an organizer approves (approved already stays approved)' })
  @ApiCreatedResponse({ type: MyFairCoachDto })
  @ApiNotFoundResponse({ description: 'FAIR_NOT_FOUND' })
  @ApiConflictResponse({ description: 'FAIR_CLOSED' })
  requestToJoin(@Param('fairId', uuidParam('fairId')) fairId: string, @CurrentUser() user: AuthenticatedUser): Promise<MyFairCoachDto> {
    return this.coaches.requestToJoin(user, fairId);
  }

  @Get('me')
  @Roles('coach')
  @ApiOperation({ summary: 'The caller’s standing as a coach in the fair: none, pending or approved' })
  @ApiOkResponse({ type: MyFairCoachDto })
  @ApiNotFoundResponse({ description: 'FAIR_NOT_FOUND' })
  myStatus(@Param('fairId', uuidParam('fairId')) fairId: string, @CurrentUser() user: AuthenticatedUser): Promise<MyFairCoachDto> {
    return this.coaches.myStatus(user, fairId);
  }

  @Get()
  @Roles('organizer')
  @ApiOperation({ summary: 'Coaches who asked to coach in the fair (pending first) and those approved' })
  @ApiOkResponse({ type: FairCoachListDto })
  @ApiNotFoundResponse({ description: 'FAIR_NOT_FOUND' })
  list(
    @Param('fairId', uuidParam('fairId')) fairId: string,
    @Query() query: FairCoachQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<FairCoachListDto> {
    return this.coaches.list(user, fairId, query);
  }

  @Post(':coachId/approve')
  @HttpCode(200)
  @Roles('organizer')
  @ApiOperation({ summary: 'Approve a coach for the fair: their availability is accepted and their slots listed and bookable' })
  @ApiOkResponse({ type: ApprovedCoachDto })
  @ApiNotFoundResponse({ description: 'FAIR_NOT_FOUND, COACH_NOT_FOUND (no coach account with this id)' })
  approve(
    @Param('fairId', uuidParam('fairId')) fairId: string,
    @Param('coachId', uuidParam('coachId')) coachId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ApprovedCoachDto> {
    return this.coaches.approve(user, fairId, coachId);
  }
}
