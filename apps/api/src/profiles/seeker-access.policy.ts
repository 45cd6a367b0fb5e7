import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, OwnershipPolicy, OwnershipVerdict } from '@bisang/auth';
import { SeekerProfilesRepository } from '@bisang/database';

/**
 * Who may see a seeker's profile and resume: the seeker, and staff of booths the seeker applied to, queues at or chats with.
 * To anyone else the seeker's data does not exist (404).
 */
@Injectable()
export class SeekerAccessPolicy implements OwnershipPolicy {
  readonly resource = { en: 'Seeker profile', ko: '구직자 프로필' };

  constructor(private readonly profiles: SeekerProfilesRepository) {}

  async check(user: AuthenticatedUser, seekerId: string): Promise<OwnershipVerdict> {
    return (await this.canSee(user, seekerId)) ? 'allow' : 'not_found';
  }

  async canSee(user: AuthenticatedUser, seekerId: string): Promise<boolean> {
    if (user.id === seekerId) return user.role === 'seeker';
    return user.role === 'recruiter' && this.profiles.canStaffSeeApplicant(user.id, seekerId);
  }
}
