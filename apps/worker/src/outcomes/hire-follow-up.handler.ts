import { Injectable } from '@nestjs/common';
import { ApplicationsRepository } from '@bisang/database';
import { JobMap } from '@bisang/queues';
import { RealtimePublisher } from '@bisang/realtime';

/**
 * `hire.follow-up`: asks the hired seeker whether they are still employed, once. Nothing happens when the
 * hire was undone, its start date moved (the job was for the old date), or this follow-up was already asked.
 */
@Injectable()
export class HireFollowUpHandler {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly realtime: RealtimePublisher,
  ) {}

  async handle({ applicationId, daysAfterStart, startDate }: JobMap['hire.follow-up']): Promise<void> {
    const asked = await this.applications.markFollowUpAsked(applicationId, daysAfterStart, startDate, new Date());
    if (!asked) return;
    await this.realtime.notifyUser(asked.seekerId, 'hire.follow_up', { applicationId, daysAfterStart });
  }
}
