import { HttpStatus, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@bisang/auth';
import { DomainError, Page, decodeCursor, forbidden, notFound, toPage, clock } from '@bisang/common';
import { BoothsRepository, CompaniesRepository, FairsRepository, isFairVisibleTo } from '@bisang/database';
import { BoothDto, CreateBoothDto, ReapplyBoothDto } from './dto/booth.dto';

const boothNotFound = () => notFound('Booth', '부스');

@Injectable()
export class BoothsService {
  constructor(
    private readonly booths: BoothsRepository,
    private readonly companies: CompaniesRepository,
    private readonly fairs: FairsRepository,
  ) {}

  async apply(fairId: string, dto: CreateBoothDto, caller: AuthenticatedUser): Promise<BoothDto> {
    const fair = await this.fairs.findById(fairId);
    if (!isFairVisibleTo(fair, caller.role)) throw notFound('Fair', '박람회');
    if (fair.status === 'closed') {
      throw new DomainError(HttpStatus.CONFLICT, 'FAIR_CLOSED', '종료된 박람회입니다 / This fair has closed');
    }
    if (!(await this.companies.findById(dto.companyId))) throw notFound('Company', '회사');
    if (!(await this.companies.isStaff(dto.companyId, caller.id))) {
      throw forbidden('이 회사의 담당자만 부스를 신청할 수 있습니다 / Only this company’s staff can apply for its booth');
    }
    const booth = await this.booths.createUnlessExists({ fairId, companyId: dto.companyId, headline: dto.headline, description: dto.description ?? null });
    if (!booth) {
      throw new DomainError(HttpStatus.CONFLICT, 'BOOTH_EXISTS', '이 박람회에 이미 회사 부스가 있습니다 / The company already has a booth in this fair');
    }
    return BoothDto.from((await this.booths.findView(booth.id))!);
  }

  /** A rejected booth applies again, changed; staff only (checked by the route). */
  async reapply(boothId: string, dto: ReapplyBoothDto): Promise<BoothDto> {
    const current = await this.booths.findById(boothId);
    if (!current) throw boothNotFound();
    const fair = await this.fairs.findById(current.fairId);
    if (fair?.status === 'closed') throw new DomainError(HttpStatus.CONFLICT, 'FAIR_CLOSED', '종료된 박람회입니다 / This fair has closed');
    const booth = await this.booths.reapply(boothId, dto.headline, dto.description ?? null);
    if (!booth) {
      throw new DomainError(HttpStatus.CONFLICT, 'BOOTH_NOT_REJECTED', '반려된 부스만 다시 신청할 수 있습니다 / Only a rejected booth can apply again');
    }
    return BoothDto.from((await this.booths.findView(boothId))!);
  }

  /** Approves a booth with current hiring intent; its visible postings reach the live feed. */
  async approve(boothId: string): Promise<BoothDto> {
    const result = await this.booths.approve(boothId, clock.now());
    if (result.outcome === 'not_found') throw boothNotFound();
    if (result.outcome === 'no_hiring_intent') {
      throw new DomainError(
        HttpStatus.CONFLICT,
        'NO_HIRING_INTENT',
        '채용 의사가 확인되지 않았습니다: 모집 인원이 있는 공개된 채용공고가 필요합니다 / No current hiring intent: the booth needs a published, open posting with openings',
      );
    }
    const booth = (await this.booths.findView(boothId))!;
    return BoothDto.from(booth);
  }

  async reject(boothId: string, reason: string): Promise<BoothDto> {
    const booth = await this.booths.reject(boothId, reason, clock.now());
    if (!booth) throw boothNotFound();
    return BoothDto.from((await this.booths.findView(boothId))!);
  }

  /** Suspends an approved booth (organizers), with a reason: hidden from the fair with its postings. */
  async suspend(boothId: string, reason: string, organizer: AuthenticatedUser): Promise<BoothDto> {
    const outcome = await this.booths.suspend(boothId, reason, organizer.id, clock.now());
    if (!outcome) throw boothNotFound();
    if (outcome === 'not_approved') {
      throw new DomainError(HttpStatus.CONFLICT, 'BOOTH_NOT_APPROVED', '승인된 부스만 운영을 중지할 수 있습니다 / Only an approved booth can be suspended');
    }
    return BoothDto.from((await this.booths.findView(boothId))!);
  }

  async list(fairId: string, caller: AuthenticatedUser | undefined, status: string | undefined, limit: number, cursor?: string): Promise<Page<BoothDto>> {
    const fair = await this.fairs.findById(fairId);
    if (!isFairVisibleTo(fair, caller?.role)) throw notFound('Fair', '박람회');
    const organizer = caller?.role === 'organizer';
    const after = decodeCursor(cursor, { createdAt: 'instant', id: 'uuid' });
    const rows =
      organizer && status && status !== 'approved'
        ? await this.booths.listForReview(fairId, status, limit, after)
        : await this.booths.listApproved(fairId, limit, after);
    return toPage(rows, limit, BoothDto.from, (b) => ({ createdAt: b.createdAt.toISOString(), id: b.id }));
  }

  /** The caller's own booths (staff of their companies), any status; `fairId` narrows to one fair. */
  async mine(caller: AuthenticatedUser, fairId?: string): Promise<{ items: BoothDto[] }> {
    return { items: (await this.booths.listForStaff(caller.id, fairId)).map(BoothDto.from) };
  }

  /** A booth: public once approved; before that, only its staff and organizers see it. */
  async get(boothId: string, caller?: AuthenticatedUser): Promise<BoothDto> {
    const booth = await this.booths.findView(boothId);
    if (!booth) throw boothNotFound();
    if (booth.status !== 'approved' && caller?.role !== 'organizer' && !(caller && (await this.booths.isStaff(boothId, caller.id)))) {
      throw boothNotFound();
    }
    return BoothDto.from(booth);
  }
}
