import { ApiProperty } from '@nestjs/swagger';
import type { AnnouncementRow, FairEntity, FairStatus } from '@bisang/database';
import type { Announcement, Fair, FairSummary } from '@bisang/contracts';

export class FairDto implements Fair {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String, description: "what the fair is, for its home page" }) description: string | null;
  @ApiProperty() timezone: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() hiringTarget: number;
  @ApiProperty() youthAgeMin: number;
  @ApiProperty() youthAgeMax: number;
  @ApiProperty({ type: [String] }) professionalJobCategories: string[];
  @ApiProperty() maxUpcomingCoachingPerSeeker: number;
  @ApiProperty({ description: 'hires this old or older on the hire day count as mid-career (중장년)' }) midCareerAgeMin: number;
  @ApiProperty({ enum: ['draft', 'scheduled', 'live', 'closed'] }) status: FairStatus;
  @ApiProperty({ description: 'id of the newest feed event' }) lastEventId: number;
  @ApiProperty({ nullable: true }) publishedAt: string | null;

  static from(f: FairEntity): FairDto {
    return {
      id: f.id,
      slug: f.slug,
      title: f.title,
      description: f.description ?? null,
      timezone: f.timezone,
      startsAt: f.startsAt.toISOString(),
      endsAt: f.endsAt.toISOString(),
      hiringTarget: f.hiringTarget,
      youthAgeMin: f.youthAgeMin,
      youthAgeMax: f.youthAgeMax,
      professionalJobCategories: f.professionalJobCategories,
      maxUpcomingCoachingPerSeeker: f.maxUpcomingCoachingPerSeeker,
      midCareerAgeMin: f.midCareerAgeMin,
      status: f.status,
      lastEventId: f.lastEventId,
      publishedAt: f.publishedAt?.toISOString() ?? null,
    };
  }
}

export class FairSummaryDto implements FairSummary {
  @ApiProperty() fairId: string;
  @ApiProperty({ description: 'visible postings (published, booth approved)' }) postings: number;
  @ApiProperty({ description: 'approved booths' }) booths: number;
  @ApiProperty({ description: 'hires recorded so far' }) hires: number;
  @ApiProperty() hiringTarget: number;
}

export class AnnouncementItemDto implements Announcement {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ description: 'the feed event that first told it' }) feedEventId: number;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(a: AnnouncementRow): AnnouncementItemDto {
    return { id: a.id, fairId: a.fairId, feedEventId: a.feedEventId, title: a.title, body: a.body, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() };
  }
}
