import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, OwnershipPolicy, OwnershipVerdict } from '@bisang/auth';
import { ResumesRepository, SeekerProfilesRepository } from '@bisang/database';
import { SeekerAccessPolicy } from '../profiles/seeker-access.policy';

/**
 * A resume is visible to its seeker, to staff of booths the seeker applied to, queues at or chats with, and to a coach
 * the seeker shares it with on a coaching booking; to anyone else it does not exist.
 */
@Injectable()
export class ResumeAccessPolicy implements OwnershipPolicy {
  readonly resource = { en: 'Resume', ko: '이력서' };

  constructor(
    private readonly resumes: ResumesRepository,
    private readonly seekers: SeekerAccessPolicy,
    private readonly profiles: SeekerProfilesRepository,
  ) {}

  async check(user: AuthenticatedUser, resumeId: string): Promise<OwnershipVerdict> {
    const resume = await this.resumes.findById(resumeId);
    if (!resume) return 'not_found';
    if (await this.seekers.canSee(user, resume.seekerId)) return 'allow';
    return user.role === 'coach' && (await this.profiles.isResumeSharedWithCoach(user.id, resume.seekerId)) ? 'allow' : 'not_found';
  }
}
