import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, OwnershipPolicy, OwnershipVerdict } from '@bisang/auth';
import { BoothsRepository } from '@bisang/database';
import { BoothStaffPolicy } from './booth-staff.policy';

/** Reading a booth's console data: its staff, and organizers, who approve booths by their hiring intent. */
@Injectable()
export class BoothReviewPolicy implements OwnershipPolicy {
  readonly resource = { en: 'Booth', ko: '부스' };

  constructor(
    private readonly booths: BoothsRepository,
    private readonly staff: BoothStaffPolicy,
  ) {}

  async check(user: AuthenticatedUser, boothId: string): Promise<OwnershipVerdict> {
    if (user.role !== 'organizer') return this.staff.check(user, boothId);
    return (await this.booths.findById(boothId)) ? 'allow' : 'not_found';
  }
}
