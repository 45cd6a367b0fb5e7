import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { ApplicationsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';

/**
 * `hire.follow-up`: asks the hired seeker (`follow_up.asked`) whether they are still employed, once. Nothing happens when the
 * hire was undone, its start date moved (the job was for the old date), or this follow-up was already asked.
 */
@Injectable()
export class HireFollowUpHandler {
  constructor(
    private readonly applications: ApplicationsRepository,
  ) {}

  async handle({ applicationId, daysAfterStart, startDate }: JobMap['hire.follow-up']): Promise<void> {
    await this.applications.markFollowUpAsked(applicationId, daysAfterStart, startDate, clock.now());
  }
}
