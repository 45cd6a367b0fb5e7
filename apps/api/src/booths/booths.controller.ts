import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, OwnedBy, Public, Roles } from '@bisang/auth';
import { ApiItemsResponse, ApiPageResponse, uuidParam } from '@bisang/common';
import { BoothsService } from './booths.service';
import { BoothStaffPolicy } from './booth-staff.policy';
import { BoothDto, BoothListQueryDto, CreateBoothDto, MyBoothsQueryDto, ReapplyBoothDto, RejectBoothDto, SuspendBoothDto } from './dto/booth.dto';

@ApiTags('booths')
@ApiBearerAuth()
@Controller()
export class BoothsController {
  constructor(private readonly booths: BoothsService) {}

  @Post('fairs/:fairId/booths')
  @Roles('recruiter')
  @ApiCreatedResponse({ type: BoothDto, description: 'status "pending"' })
  @ApiConflictResponse({ description: 'BOOTH_EXISTS, FAIR_CLOSED' })
  apply(@Param('fairId', uuidParam('fairId')) fairId: string, @Body() dto: CreateBoothDto, @CurrentUser() user: AuthenticatedUser) {
    return this.booths.apply(fairId, dto, user);
  }

  @Post('booths/:boothId/reapply')
  @HttpCode(200)
  @Roles('recruiter')
  @OwnedBy(BoothStaffPolicy, 'boothId')
  @ApiOkResponse({ type: BoothDto, description: 'a rejected booth applies again with a changed headline/description: status "pending", the rejection reason cleared' })
  @ApiConflictResponse({ description: 'BOOTH_NOT_REJECTED, FAIR_CLOSED' })
  reapply(@Param('boothId', uuidParam('boothId')) boothId: string, @Body() dto: ReapplyBoothDto) {
    return this.booths.reapply(boothId, dto);
  }

  @Post('booths/:boothId/approve')
  @HttpCode(200)
  @Roles('organizer')
  @ApiOkResponse({ type: BoothDto })
  @ApiConflictResponse({ description: 'NO_HIRING_INTENT' })
  approve(@Param('boothId', uuidParam('boothId')) boothId: string) {
    return this.booths.approve(boothId);
  }

  @Post('booths/:boothId/reject')
  @HttpCode(200)
  @Roles('organizer')
  @ApiOkResponse({ type: BoothDto })
  reject(@Param('boothId', uuidParam('boothId')) boothId: string, @Body() dto: RejectBoothDto) {
    return this.booths.reject(boothId, dto.reason);
  }

  @Post('booths/:boothId/suspend')
  @HttpCode(200)
  @Roles('organizer')
  @ApiOkResponse({ type: BoothDto, description: 'status "suspended": the booth leaves the public list and its postings stop being visible; booth.suspended on the feed' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'BOOTH_NOT_APPROVED' })
  suspend(@Param('boothId', uuidParam('boothId')) boothId: string, @Body() dto: SuspendBoothDto, @CurrentUser() user: AuthenticatedUser) {
    return this.booths.suspend(boothId, dto.reason, user);
  }

  @Get('fairs/:fairId/booths')
  @Public()
  @ApiPageResponse(BoothDto, 'approved booths (organizers may ask for ?status=pending)')
  list(@Param('fairId', uuidParam('fairId')) fairId: string, @Query() query: BoothListQueryDto, @CurrentUser() user?: AuthenticatedUser) {
    return this.booths.list(fairId, user, query.status, query.limit, query.cursor);
  }

  @Get('me/booths')
  @Roles('recruiter')
  @ApiItemsResponse(BoothDto, "the booths of the caller's companies, any status, oldest first; ?fairId= narrows")
  mine(@Query() query: MyBoothsQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.booths.mine(user, query.fairId);
  }

  @Get('booths/:boothId')
  @Public()
  @ApiOkResponse({ type: BoothDto })
  get(@Param('boothId', uuidParam('boothId')) boothId: string, @CurrentUser() user?: AuthenticatedUser) {
    return this.booths.get(boothId, user);
  }
}
