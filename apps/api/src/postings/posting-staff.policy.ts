import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, OwnershipPolicy, OwnershipVerdict } from '@bisang/auth';
import { PostingsRepository } from '@bisang/database';

/** Only staff of the posting's company edit it; a posting nobody else can see is private to them (404). */
@Injectable()
export class PostingStaffPolicy implements OwnershipPolicy {
  readonly resource = { en: 'Posting', ko: '채용공고' };

  constructor(private readonly postings: PostingsRepository) {}

  async check(user: AuthenticatedUser, postingId: string): Promise<OwnershipVerdict> {
    const access = await this.postings.findStaffAccess(postingId, user.id);
    if (!access) return 'not_found';
    if (access.staff) return 'allow';
    return access.status !== 'draft' && access.boothStatus === 'approved' ? 'forbidden' : 'not_found';
  }
}
