import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, OwnershipPolicy, OwnershipVerdict } from '@bisang/auth';
import { BoothsRepository } from '@bisang/database';

/** Only staff of the booth's company act for it; a booth not yet approved is private to them (404). */
@Injectable()
export class BoothStaffPolicy implements OwnershipPolicy {
  readonly resource = { en: 'Booth', ko: '부스' };

  constructor(private readonly booths: BoothsRepository) {}

  async check(user: AuthenticatedUser, boothId: string): Promise<OwnershipVerdict> {
    const booth = await this.booths.findById(boothId);
    if (!booth) return 'not_found';
    if (await this.booths.isStaff(boothId, user.id)) return 'allow';
    return booth.status === 'approved' ? 'forbidden' : 'not_found';
  }
}
