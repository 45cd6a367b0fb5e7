import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import { Page, decodeCursor, toPage, clock } from '@bisang/common';
import { matchKeys, scorePosting } from '@bisang/contracts';
import {
  AnswerOutcome,
  FairsRepository,
  PoolInvitationView,
  PooledSeekerView,
  RecommendationsRepository,
  SeekerProfilesRepository,
  TalentPoolRepository,
  isFairVisibleTo,
} from '@bisang/database';
import { PostingDto } from '../postings/dto/posting.dto';
import {
  MyPoolInvitationDto,
  PoolChatInvitationInputDto,
  PoolInvitationDto,
  PoolInvitationInputDto,
  PooledSeekerDto,
  RecommendationsDto,
  TalentPoolEntryDto,
  TalentPoolInputDto,
  TalentPoolQueryDto,
} from './dto/matching.dto';
import {
  answerRefused,
  alreadyInvited,
  alreadyInvitedToChat,
  chatBoothNotFound,
  fairNotFound,
  invitablePostingNotFound,
  invitationLimitReached,
  invitationNotFound,
  notPoolStaff,
  pooledSeekerNotFound,
  seekerAlreadyApplied,
} from './matching.errors';

/** Recommended postings, the talent pool a seeker opts into, and companies' invitations from it (to apply or to chat). */
@Injectable()
export class MatchingService {
  constructor(
    private readonly fairs: FairsRepository,
    private readonly profiles: SeekerProfilesRepository,
    private readonly recommendations: RecommendationsRepository,
    private readonly pool: TalentPoolRepository,
  ) {}

  /**
   * The fair's open postings for the seeker, best first. The score comes from the SQL (one query ranks them);
   * the reasons from the same rules in TypeScript (scorePosting), which the e2e test proves agree.
   */
  async recommend(seeker: AuthenticatedUser, fairId: string, limit: number): Promise<RecommendationsDto> {
    await this.visibleFair(fairId, seeker);
    const profile = await this.profiles.findView(seeker.id);
    const keys = matchKeys({
      desiredJobCategories: profile?.desiredJobCategories ?? [],
      region: profile?.region ?? null,
      uTurn: profile?.uTurn ?? false,
      careerYears: profile?.careerYears ?? null,
      desiredEmploymentTypes: profile?.desiredEmploymentTypes ?? [],
    });
    const rows = await this.recommendations.recommend(fairId, seeker.id, keys, limit);
    return {
      items: rows.map((r) => ({ posting: PostingDto.from(r.posting), score: r.score, reasons: scorePosting(keys, r.posting).reasons })),
      nextCursor: null,
    };
  }

  async setPoolVisibility(seeker: AuthenticatedUser, dto: TalentPoolInputDto): Promise<TalentPoolEntryDto> {
    await this.visibleFair(dto.fairId, seeker);
    return TalentPoolEntryDto.from(await this.pool.setVisibility(dto.fairId, seeker.id, dto.visible, dto.showName));
  }

  async poolEntry(seeker: AuthenticatedUser, fairId: string): Promise<TalentPoolEntryDto> {
    await this.visibleFair(fairId, seeker);
    const entry = await this.pool.findEntry(fairId, seeker.id);
    return entry ? TalentPoolEntryDto.from(entry) : { fairId, visible: false, showName: false, updatedAt: null };
  }

  async searchPool(staff: AuthenticatedUser, fairId: string, query: TalentPoolQueryDto): Promise<Page<PooledSeekerDto>> {
    await this.poolStaff(staff, fairId, true);
    const key = decodeCursor(query.cursor, { t: 'instant', i: 'uuid' });
    const rows = await this.pool.search(fairId, {
      jobCategory: query.jobCategory,
      region: query.region,
      uturn: query.uturn,
      minCareerYears: query.minCareerYears,
      education: query.education,
      limit: query.limit,
      after: key ? { updatedAt: new Date(key.t), seekerId: key.i } : undefined,
    });
    return toPage(rows, query.limit, PooledSeekerDto.from, (r: PooledSeekerView) => ({ t: new Date(r.updatedAt).toISOString(), i: r.seekerId }));
  }

  async invite(staff: AuthenticatedUser, fairId: string, seekerId: string, dto: PoolInvitationInputDto): Promise<PoolInvitationDto> {
    const fair = await this.poolStaff(staff, fairId);
    const result = await this.pool.invite({ fairId, seekerId, postingId: dto.postingId, staffUserId: staff.id, message: dto.message || null });
    switch (result.outcome) {
      case 'invited':
        return PoolInvitationDto.from(result.invitation);
      case 'posting_not_found':
        throw invitablePostingNotFound();
      case 'seeker_not_found':
        throw pooledSeekerNotFound();
      case 'already_invited':
        throw alreadyInvited();
      case 'already_applied':
        throw seekerAlreadyApplied();
      case 'limit_reached':
        throw invitationLimitReached(fair.poolInvitationsPerCompanyPerDay);
    }
  }

  /** An invitation to chat at one of the caller's approved booths in the fair (the same daily limit). */
  async inviteToChat(staff: AuthenticatedUser, fairId: string, seekerId: string, dto: PoolChatInvitationInputDto): Promise<PoolInvitationDto> {
    const fair = await this.poolStaff(staff, fairId);
    const result = await this.pool.inviteToChat({ fairId, seekerId, boothId: dto.boothId, staffUserId: staff.id, message: dto.message || null });
    switch (result.outcome) {
      case 'invited':
        return PoolInvitationDto.from(result.invitation);
      case 'booth_not_found':
        throw chatBoothNotFound();
      case 'seeker_not_found':
        throw pooledSeekerNotFound();
      case 'already_invited':
        throw alreadyInvitedToChat();
      case 'limit_reached':
        throw invitationLimitReached(fair.poolInvitationsPerCompanyPerDay);
    }
  }

  async myInvitations(seeker: AuthenticatedUser, limit: number, cursor?: string): Promise<Page<MyPoolInvitationDto>> {
    const key = decodeCursor(cursor, { t: 'instant', i: 'uuid' });
    const rows = await this.pool.listForSeeker(seeker.id, limit, key ? { createdAt: new Date(key.t), id: key.i } : undefined);
    return toPage(rows, limit, MyPoolInvitationDto.from, (r: PoolInvitationView) => ({ t: new Date(r.createdAt).toISOString(), i: r.id }));
  }

  async accept(seeker: AuthenticatedUser, invitationId: string): Promise<MyPoolInvitationDto> {
    return MyPoolInvitationDto.from(answered(await this.pool.accept(invitationId, seeker.id, clock.now())));
  }

  async decline(seeker: AuthenticatedUser, invitationId: string): Promise<MyPoolInvitationDto> {
    return MyPoolInvitationDto.from(answered(await this.pool.decline(invitationId, seeker.id, clock.now())));
  }

  private async visibleFair(fairId: string, user: AuthenticatedUser) {
    const fair = await this.fairs.findById(fairId);
    if (!isFairVisibleTo(fair, user.role)) throw fairNotFound();
    return fair;
  }

  /** Staff of an approved booth in the fair; for searching, also the centre's counsellors (organizers). */
  private async poolStaff(user: AuthenticatedUser, fairId: string, organizersToo = false) {
    const fair = await this.visibleFair(fairId, user);
    if (organizersToo && user.role === 'organizer') return fair;
    if (!(await this.pool.isApprovedBoothStaff(fairId, user.id))) throw notPoolStaff();
    return fair;
  }
}

/** The invitation once answered, or the error that says why it could not be. */
function answered(result: AnswerOutcome): PoolInvitationView {
  if (result.outcome === 'answered') return result.offer;
  throw answerRefused(result.outcome, invitationNotFound);
}
