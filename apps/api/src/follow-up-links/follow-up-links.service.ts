import { Injectable } from '@nestjs/common';
import { clock } from '@bisang/common';
import { MailLinkTokens } from '@bisang/auth';
import type { FollowUpDays } from '@bisang/contracts';
import { ApplicationsRepository } from '@bisang/database';

export interface FollowUpLink {
  days: number;
  stillEmployed: boolean;
}

/** Reads a follow-up answer link, and records its answer. */
@Injectable()
export class FollowUpLinksService {
  constructor(
    private readonly links: MailLinkTokens,
    private readonly applications: ApplicationsRepository,
  ) {}

  /** What the link answers, or null when forged, damaged or expired. */
  read(token: string): FollowUpLink | null {
    const claims = this.links.readFollowUpAnswer(token);
    return claims ? { days: claims.days, stillEmployed: claims.stillEmployed } : null;
  }

  /** Records the link's answer; null when the link is not usable or the question was not asked (any more). */
  async answer(token: string): Promise<FollowUpLink | null> {
    const claims = this.links.readFollowUpAnswer(token);
    if (!claims) return null;
    const result = await this.applications.answerFollowUp(claims.applicationId, claims.days as FollowUpDays, claims.stillEmployed, clock.now());
    return result.outcome === 'answered' ? { days: claims.days, stillEmployed: claims.stillEmployed } : null;
  }
}
