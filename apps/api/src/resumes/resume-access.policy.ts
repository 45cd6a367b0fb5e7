import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, OwnershipPolicy, OwnershipVerdict } from '@bisang/auth';
import { ResumesRepository } from '@bisang/database';
import { SeekerAccessPolicy } from '../profiles/seeker-access.policy';

/** A resume is visible to its seeker and to staff of booths the seeker applied to, queues at or chats with; to anyone else it does not exist. */
@Injectable()
export class ResumeAccessPolicy implements OwnershipPolicy {
  readonly resource = { en: 'Resume', ko: '이력서' };

  constructor(
    private readonly resumes: ResumesRepository,
    private readonly seekers: SeekerAccessPolicy,
  ) {}

  async check(user: AuthenticatedUser, resumeId: string): Promise<OwnershipVerdict> {
    const resume = await this.resumes.findById(resumeId);
    if (!resume) return 'not_found';
    return (await this.seekers.canSee(user, resume.seekerId)) ? 'allow' : 'not_found';
  }
}
