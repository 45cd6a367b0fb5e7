import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@bisang/auth';
import { Page, badRequest, clock, decodeCursor, notFound, toPage } from '@bisang/common';
import type { AnnouncementCreated } from '@bisang/contracts';
import { FairEntity, FairsRepository, fairListKey, isFairVisibleTo } from '@bisang/database';
import { AnnouncementDto, CreateFairDto, UpdateAnnouncementDto, UpdateFairDto } from './dto/create-fair.dto';
import { AnnouncementItemDto, FairDto, FairSummaryDto } from './dto/fair.dto';
import { fairNotDraft, fairNotFound, fairNotPublishable, invalidWindow, invalidYouthRange, slugTaken, unknownTimeZone } from './fairs.errors';

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
      description: dto.description ?? null,
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

  /** Changes a fair's settings: any of them while a draft, only title, description and target once published. */
  async update(fairId: string, dto: UpdateFairDto): Promise<FairDto> {
    const fair = await this.fairs.findById(fairId);
    if (!fair) throw fairNotFound();
    const startsAt = dto.startsAt === undefined ? undefined : new Date(dto.startsAt);
    const endsAt = dto.endsAt === undefined ? undefined : new Date(dto.endsAt);
    if ((endsAt ?? fair.endsAt) <= (startsAt ?? fair.startsAt)) throw invalidWindow();
    if ((dto.youthAgeMin ?? fair.youthAgeMin) > (dto.youthAgeMax ?? fair.youthAgeMax)) throw invalidYouthRange();
    if (dto.timezone !== undefined && !(await this.fairs.isTimeZoneKnown(dto.timezone))) throw unknownTimeZone();
    const result = await this.fairs.update(fairId, {
      title: dto.title,
      description: dto.description,
      timezone: dto.timezone,
      startsAt,
      endsAt,
      hiringTarget: dto.hiringTarget,
      youthAgeMin: dto.youthAgeMin,
      youthAgeMax: dto.youthAgeMax,
      professionalJobCategories: dto.professionalJobCategories,
      maxUpcomingCoachingPerSeeker: dto.maxUpcomingCoachingPerSeeker,
      midCareerAgeMin: dto.midCareerAgeMin,
    });
    if (!result) throw fairNotFound();
    if ('conflict' in result) throw fairNotDraft();
    return FairDto.from(result);
  }

  /** True totals for the fair's home page (public once the fair is). */
  async summary(fairId: string, caller?: AuthenticatedUser): Promise<FairSummaryDto> {
    const fair = await this.findVisible(fairId, caller);
    return { fairId: fair.id, ...(await this.fairs.summary(fair.id)), hiringTarget: fair.hiringTarget };
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
    return toPage(rows, limit, FairDto.from, (f) => ({ startsAt: fairListKey(f), id: f.id }));
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
    return { id: event.id, fairId, type: 'announcement', ...data, announcementId: event.announcementId };
  }

  /** The fair's current announcements, newest first (public once the fair is). */
  async announcements(fairId: string, limit: number, cursor: string | undefined, caller?: AuthenticatedUser): Promise<Page<AnnouncementItemDto>> {
    const fair = await this.findVisible(fairId, caller);
    const after = decodeCursor(cursor, { id: 'uuid', at: 'instant' });
    // The cursor names the last item; its feed event id orders the list.
    const before = after ? await this.fairs.announcementFeedId(after.id) : undefined;
    if (before === null) throw badRequest('INVALID_CURSOR', 'cursor 값이 올바르지 않습니다 / cursor is not valid');
    const rows = await this.fairs.listAnnouncements(fair.id, limit, before);
    return toPage(rows, limit, AnnouncementItemDto.from, (a) => ({ id: a.id, at: a.createdAt.toISOString() }));
  }

  async updateAnnouncement(id: string, dto: UpdateAnnouncementDto, organizer: AuthenticatedUser): Promise<AnnouncementItemDto> {
    const row = await this.fairs.updateAnnouncement(id, { title: dto.title, body: dto.body }, organizer.id);
    if (!row) throw notFound('Announcement', '공지사항');
    return AnnouncementItemDto.from(row);
  }

  async withdrawAnnouncement(id: string, organizer: AuthenticatedUser): Promise<void> {
    const row = await this.fairs.withdrawAnnouncement(id, organizer.id);
    if (!row) throw notFound('Announcement', '공지사항');
  }
}
