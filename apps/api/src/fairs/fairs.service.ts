import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@bisang/auth';
import { Page, decodeCursor, toPage, clock } from '@bisang/common';
import type { AnnouncementCreated } from '@bisang/contracts';
import { FairEntity, FairsRepository, isFairVisibleTo } from '@bisang/database';
import { AnnouncementDto, CreateFairDto } from './dto/create-fair.dto';
import { FairDto } from './dto/fair.dto';
import { fairNotFound, fairNotPublishable, invalidWindow, invalidYouthRange, slugTaken, unknownTimeZone } from './fairs.errors';

@Injectable()
export class FairsService {
  constructor(
    private readonly fairs: FairsRepository,
  ) {}

  async create(dto: CreateFairDto, organizer: AuthenticatedUser): Promise<FairDto> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt) throw invalidWindow();
    const youthAgeMin = dto.youthAgeMin ?? 15;
    const youthAgeMax = dto.youthAgeMax ?? 34;
    if (youthAgeMin > youthAgeMax) throw invalidYouthRange();
    if (!(await this.fairs.isTimeZoneKnown(dto.timezone))) throw unknownTimeZone();
    const fair = await this.fairs.createUnlessSlugTaken({
      slug: dto.slug,
      title: dto.title,
      timezone: dto.timezone,
      startsAt,
      endsAt,
      hiringTarget: dto.hiringTarget,
      youthAgeMin,
      youthAgeMax,
      professionalJobCategories: dto.professionalJobCategories ?? ['0', '1', '2', '3'],
      maxUpcomingCoachingPerSeeker: dto.maxUpcomingCoachingPerSeeker ?? 2,
      midCareerAgeMin: dto.midCareerAgeMin ?? 40,
      createdBy: organizer.id,
    });
    if (!fair) throw slugTaken();
    return FairDto.from(fair);
  }

  /** Publishes a draft; `fair.published` schedules its opening and closing. */
  async publish(fairId: string): Promise<FairDto> {
    const existing = await this.fairs.findById(fairId);
    if (!existing) throw fairNotFound();
    const published = await this.fairs.publish(fairId, clock.now());
    if (!published) throw fairNotPublishable();
    return FairDto.from(published.fair);
  }

  async list(caller: AuthenticatedUser | undefined, limit: number, cursor?: string): Promise<Page<FairDto>> {
    const after = decodeCursor(cursor, { startsAt: 'instant', id: 'uuid' });
    const rows = await this.fairs.list(caller?.role === 'organizer', limit, after);
    return toPage(rows, limit, FairDto.from, (f) => ({ startsAt: f.startsAt.toISOString(), id: f.id }));
  }

  /** A fair by id or slug; drafts exist only for organizers. */
  async get(idOrSlug: string, caller?: AuthenticatedUser): Promise<FairDto> {
    return FairDto.from(await this.findVisible(idOrSlug, caller));
  }

  async findVisible(idOrSlug: string, caller?: AuthenticatedUser): Promise<FairEntity> {
    const fair = await this.fairs.findByIdOrSlug(idOrSlug);
    if (!isFairVisibleTo(fair, caller?.role)) throw fairNotFound();
    return fair;
  }

  async announce(fairId: string, dto: AnnouncementDto, organizer: AuthenticatedUser): Promise<AnnouncementCreated> {
    const fair = await this.fairs.findById(fairId);
    if (!fair) throw fairNotFound();
    const data = { title: dto.title, body: dto.body, by: organizer.id };
    const event = await this.fairs.announce(fairId, data, dto.email === true);
    return { id: event.id, fairId, type: 'announcement', ...data };
  }
}
