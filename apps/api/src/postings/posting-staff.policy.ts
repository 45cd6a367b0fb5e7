import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, OwnershipPolicy, OwnershipVerdict } from '@bisang/auth';
import { BoothsRepository, PostingsRepository } from '@bisang/database';

/** Only staff of the posting's company edit it; a posting nobody else can see is private to them (404). */
@Injectable()
export class PostingStaffPolicy implements OwnershipPolicy {
  readonly resource = { en: 'Posting', ko: '채용공고' };

  constructor(
    private readonly postings: PostingsRepository,
    private readonly booths: BoothsRepository,
  ) {}

  async check(user: AuthenticatedUser, postingId: string): Promise<OwnershipVerdict> {
    const posting = await this.postings.findView(postingId);
    if (!posting) return 'not_found';
    if (await this.booths.isStaff(posting.boothId, user.id)) return 'allow';
    return posting.status !== 'draft' && posting.boothStatus === 'approved' ? 'forbidden' : 'not_found';
  }
}
