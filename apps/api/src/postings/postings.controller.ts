import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, WriteLimit, CurrentUser, OwnedBy, Public, Roles } from '@bisang/auth';
import { ApiPageResponse, EMPLOYMENT_TYPE_LABELS, KECO_MAJOR_GROUPS, uuidParam } from '@bisang/common';
import { EMPLOYMENT_TYPES, type JobCategories } from '@bisang/contracts';
import { BoothReviewPolicy } from '../booths/booth-review.policy';
import { BoothStaffPolicy } from '../booths/booth-staff.policy';
import { CreatePostingDto, PostingDto, PostingQueryDto, UpdatePostingDto } from './dto/posting.dto';
import { PostingStaffPolicy } from './posting-staff.policy';
import { PostingsService } from './postings.service';

@ApiTags('postings')
@ApiBearerAuth()
@Controller()
export class PostingsController {
  constructor(private readonly postings: PostingsService) {}

  @Post('booths/:boothId/postings')
  @Roles('recruiter')
  @WriteLimit('postings')
  @OwnedBy(BoothStaffPolicy, 'boothId')
  @ApiCreatedResponse({ type: PostingDto, description: 'status "draft"' })
  create(@Param('boothId', uuidParam('boothId')) boothId: string, @Body() dto: CreatePostingDto) {
    return this.postings.create(boothId, dto);
  }

  @Get('booths/:boothId/postings')
  @Roles('recruiter', 'organizer')
  @OwnedBy(BoothReviewPolicy, 'boothId')
  @ApiOkResponse({ type: [PostingDto], description: "every posting of the booth, drafts included (its staff's console; organizers reviewing its hiring intent)" })
  listForBooth(@Param('boothId', uuidParam('boothId')) boothId: string) {
    return this.postings.listForBooth(boothId);
  }

  @Patch('postings/:postingId')
  @Roles('recruiter')
  @WriteLimit('postings')
  @OwnedBy(PostingStaffPolicy, 'postingId')
  @ApiOkResponse({ type: PostingDto })
  update(@Param('postingId', uuidParam('postingId')) postingId: string, @Body() dto: UpdatePostingDto) {
    return this.postings.update(postingId, dto);
  }

  @Post('postings/:postingId/publish')
  @HttpCode(200)
  @Roles('recruiter')
  @OwnedBy(PostingStaffPolicy, 'postingId')
  @ApiOkResponse({ type: PostingDto })
  publish(@Param('postingId', uuidParam('postingId')) postingId: string) {
    return this.postings.publish(postingId);
  }

  @Post('postings/:postingId/close')
  @HttpCode(200)
  @Roles('recruiter')
  @OwnedBy(PostingStaffPolicy, 'postingId')
  @ApiOkResponse({ type: PostingDto })
  close(@Param('postingId', uuidParam('postingId')) postingId: string) {
    return this.postings.close(postingId);
  }

  @Get('postings/:postingId')
  @Public()
  @ApiOkResponse({ type: PostingDto })
  get(@Param('postingId', uuidParam('postingId')) postingId: string, @CurrentUser() user?: AuthenticatedUser) {
    return this.postings.get(postingId, user);
  }

  @Get('fairs/:fairId/postings')
  @Public()
  @ApiPageResponse(PostingDto, 'visible postings, newest first')
  search(@Param('fairId', uuidParam('fairId')) fairId: string, @Query() query: PostingQueryDto, @CurrentUser() user?: AuthenticatedUser) {
    return this.postings.search(fairId, query, user);
  }

  @Get('job-categories')
  @Public()
  @ApiOkResponse({
    description: 'KECO major groups and employment types with Korean and English labels',
    schema: {
      type: 'object',
      properties: {
        jobCategories: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, ko: { type: 'string' }, en: { type: 'string' } } } },
        employmentTypes: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, ko: { type: 'string' }, en: { type: 'string' } } } },
      },
    },
  })
  categories(): JobCategories {
    return {
      jobCategories: KECO_MAJOR_GROUPS.map((g) => ({ ...g })),
      employmentTypes: EMPLOYMENT_TYPES.map((code) => ({ code, ...EMPLOYMENT_TYPE_LABELS[code] })),
    };
  }
}
