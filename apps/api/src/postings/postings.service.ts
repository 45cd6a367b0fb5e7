import { HttpStatus, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@bisang/auth';
import { DomainError, Page, decodeCursor, notFound, toPage, clock } from '@bisang/common';
import { BoothsRepository, FairsRepository, isFairVisibleTo, PostingChangeOutcome, PostingFields, PostingsRepository } from '@bisang/database';
import { CreatePostingDto, PostingDto, PostingQueryDto, UpdatePostingDto } from './dto/posting.dto';

const postingNotFound = () => notFound('Posting', '채용공고');

/** Where a posting without a closing time sorts by deadline (last). */
const OPEN_ENDED = '9999-12-31T00:00:00.000Z';

@Injectable()
export class PostingsService {
  constructor(
    private readonly postings: PostingsRepository,
    private readonly booths: BoothsRepository,
    private readonly fairs: FairsRepository,
  ) {}

  async create(boothId: string, dto: CreatePostingDto): Promise<PostingDto> {
    const booth = await this.booths.findById(boothId);
    if (!booth) throw notFound('Booth', '부스');
    if (dto.salaryMin !== undefined && dto.salaryMax !== undefined && dto.salaryMin > dto.salaryMax) {
      throw new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['salaryMin must not be greater than salaryMax']);
    }
    const closesAt = this.futureOrNull(dto.closesAt);
    const posting = await this.postings.create(booth, {
      title: dto.title,
      description: dto.description,
      jobCategory: dto.jobCategory,
      employmentType: dto.employmentType,
      openings: dto.openings,
      location: dto.location ?? null,
      salaryMin: dto.salaryMin ?? null,
      salaryMax: dto.salaryMax ?? null,
      closesAt,
      minCareerYears: dto.minCareerYears ?? null,
    });
    return PostingDto.from(posting);
  }

  async update(postingId: string, dto: UpdatePostingDto): Promise<PostingDto> {
    const patch: Partial<PostingFields> = { ...dto, closesAt: dto.closesAt === undefined ? undefined : this.futureOrNull(dto.closesAt) };
    const result = this.settle(await this.postings.update(postingId, patch));
    return PostingDto.from(result.posting);
  }

  async publish(postingId: string): Promise<PostingDto> {
    const result = this.settle(await this.postings.publish(postingId, clock.now()));
    return PostingDto.from(result.posting);
  }

  async close(postingId: string): Promise<PostingDto> {
    const result = this.settle(await this.postings.close(postingId, clock.now()));
    return PostingDto.from(result.posting);
  }

  async search(fairId: string, query: PostingQueryDto, caller?: AuthenticatedUser): Promise<Page<PostingDto>> {
    const fair = await this.fairs.findById(fairId);
    if (!isFairVisibleTo(fair, caller?.role)) throw notFound('Fair', '박람회');
    const byDeadline = query.sort === 'deadline';
    const after = byDeadline
      ? decodeCursor(query.cursor, { closesAt: 'instant', id: 'uuid' })
      : decodeCursor(query.cursor, { publishedAt: 'instant', id: 'uuid' });
    const rows = await this.postings.searchVisible({
      fairId,
      q: query.q,
      region: query.region,
      sort: byDeadline ? 'deadline' : 'newest',
      jobCategory: query.jobCategory,
      employmentType: query.employmentType,
      boothId: query.boothId,
      limit: query.limit,
      after,
    });
    return toPage(rows, query.limit, PostingDto.from, (p): Record<string, string> =>
      byDeadline ? { closesAt: p.closesAt ?? OPEN_ENDED, id: p.id } : { publishedAt: p.publishedAt!, id: p.id },
    );
  }

  /** A posting: public once visible; drafts and postings of unapproved booths only for staff and organizers. */
  async get(postingId: string, caller?: AuthenticatedUser): Promise<PostingDto> {
    const posting = await this.postings.findView(postingId);
    if (!posting) throw postingNotFound();
    const publicNow = posting.status !== 'draft' && posting.boothStatus === 'approved';
    if (!publicNow && caller?.role !== 'organizer' && !(caller && (await this.booths.isStaff(posting.boothId, caller.id)))) {
      throw postingNotFound();
    }
    return PostingDto.from(posting);
  }

  async listForBooth(boothId: string): Promise<PostingDto[]> {
    return (await this.postings.listForBooth(boothId)).map(PostingDto.from);
  }

  private futureOrNull(value: string | null | undefined): Date | null {
    if (value === undefined || value === null) return null;
    const at = new Date(value);
    if (at.getTime() <= clock.nowMs()) {
      throw new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['closesAt must be in the future']);
    }
    return at;
  }

  private settle(outcome: PostingChangeOutcome) {
    if (!outcome) throw postingNotFound();
    if ('conflict' in outcome) {
      if (outcome.conflict === 'invalid_salary_range') {
        throw new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['salaryMin must not be greater than salaryMax']);
      }
      throw new DomainError(HttpStatus.CONFLICT, 'POSTING_CLOSED', '마감된 채용공고는 변경할 수 없습니다 / A closed posting cannot be changed');
    }
    return outcome;
  }
}
