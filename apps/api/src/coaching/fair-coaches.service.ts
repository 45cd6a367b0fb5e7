import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import { FairCoachesRepository, FairsRepository, isFairVisibleTo } from '@bisang/database';
import { coachNotFound, fairClosed, fairNotFound } from './coaching.errors';
import { ApprovedCoachDto, FairCoachDto, FairCoachListDto, FairCoachQueryDto, MyFairCoachDto } from './dto/fair-coach.dto';

/** Coaches ask to coach in a fair; organizers approve them. Until approved, a coach's slots there are neither published nor listed nor bookable. */
@Injectable()
export class FairCoachesService {
  constructor(
    private readonly fairCoaches: FairCoachesRepository,
    private readonly fairs: FairsRepository,
  ) {}

  private async visibleFair(fairId: string, user: AuthenticatedUser) {
    const fair = await this.fairs.findById(fairId);
    if (!isFairVisibleTo(fair, user.role)) throw fairNotFound();
    return fair;
  }

  async requestToJoin(user: AuthenticatedUser, fairId: string): Promise<MyFairCoachDto> {
    const fair = await this.visibleFair(fairId, user);
    if (fair.status === 'closed') throw fairClosed();
    const status = await this.fairCoaches.requestToJoin(fairId, user.id);
    return { fairId, coachId: user.id, status };
  }

  async myStatus(user: AuthenticatedUser, fairId: string): Promise<MyFairCoachDto> {
    await this.visibleFair(fairId, user);
    return { fairId, coachId: user.id, status: (await this.fairCoaches.statusOf(fairId, user.id)) ?? 'none' };
  }

  async list(user: AuthenticatedUser, fairId: string, query: FairCoachQueryDto): Promise<FairCoachListDto> {
    await this.visibleFair(fairId, user);
    return { items: (await this.fairCoaches.listForFair(fairId, query.status)).map(FairCoachDto.from), nextCursor: null };
  }

  async approve(user: AuthenticatedUser, fairId: string, coachId: string): Promise<ApprovedCoachDto> {
    await this.visibleFair(fairId, user);
    const approved = await this.fairCoaches.approve(fairId, coachId, user.id, clock.now());
    if (!approved) throw coachNotFound();
    return { fairId, coachId, status: 'approved', approvedAt: new Date(approved.approvedAt).toISOString() };
  }
}
