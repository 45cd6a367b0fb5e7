import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@bisang/auth';
import { Page, clock, decodeCursor, toPage } from '@bisang/common';
import { BoothsRepository, FairsRepository, ProgrammeItemFields, ProgrammeRepository } from '@bisang/database';
import { FairsService } from '../fairs/fairs.service';
import { fairNotFound } from '../fairs/fairs.errors';
import { CreateProgrammeItemDto, ProgrammeItemDto, ProgrammeQueryDto, UpdateProgrammeItemDto } from './dto/programme.dto';
import { boothNotInFair, invalidItemWindow, outsideFair, programmeItemNotFound } from './programme.errors';

/** A fair's programme: organizers keep it; everyone who may see the fair reads it. */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly items: ProgrammeRepository,
    private readonly fairs: FairsRepository,
    private readonly booths: BoothsRepository,
    private readonly fairsService: FairsService,
  ) {}

  async list(fairIdOrSlug: string, query: ProgrammeQueryDto, caller?: AuthenticatedUser): Promise<Page<ProgrammeItemDto>> {
    const fair = await this.fairsService.findVisible(fairIdOrSlug, caller);
    const after = decodeCursor(query.cursor, { startsAt: 'instant', id: 'uuid' });
    const rows = await this.items.listForFair(fair.id, query.from ? new Date(query.from) : null, query.limit, after);
    return toPage(rows, query.limit, ProgrammeItemDto.from, (r) => ({ startsAt: new Date(r.startsAt).toISOString(), id: r.id }));
  }

  async create(fairId: string, dto: CreateProgrammeItemDto, organizer: AuthenticatedUser): Promise<ProgrammeItemDto> {
    const fields: ProgrammeItemFields = {
      kind: dto.kind,
      title: dto.title,
      description: dto.description ?? null,
      boothId: dto.boothId ?? null,
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
    };
    await this.check(fairId, fields);
    return ProgrammeItemDto.from(await this.items.create(fairId, fields, organizer.id));
  }

  async update(id: string, dto: UpdateProgrammeItemDto): Promise<ProgrammeItemDto> {
    const item = await this.items.findById(id);
    if (!item) throw programmeItemNotFound();
    const fields: ProgrammeItemFields = {
      kind: dto.kind ?? item.kind,
      title: dto.title ?? item.title,
      description: dto.description === undefined ? item.description : dto.description,
      boothId: dto.boothId === undefined ? item.boothId : dto.boothId,
      startsAt: dto.startsAt ? new Date(dto.startsAt) : new Date(item.startsAt),
      endsAt: dto.endsAt ? new Date(dto.endsAt) : new Date(item.endsAt),
    };
    await this.check(item.fairId, fields);
    const updated = await this.items.update(id, fields, clock.now());
    if (!updated) throw programmeItemNotFound();
    return ProgrammeItemDto.from(updated);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.items.delete(id))) throw programmeItemNotFound();
  }

  /** An item lies within its fair, ends after it starts, and a booth it names is one of the fair's. */
  private async check(fairId: string, fields: ProgrammeItemFields): Promise<void> {
    const fair = await this.fairs.findById(fairId);
    if (!fair) throw fairNotFound();
    if (fields.endsAt <= fields.startsAt) throw invalidItemWindow();
    if (fields.startsAt < fair.startsAt || fields.endsAt > fair.endsAt) throw outsideFair();
    if (fields.boothId) {
      const booth = await this.booths.findById(fields.boothId);
      if (!booth || booth.fairId !== fairId) throw boothNotInFair();
    }
  }
}
