import { Injectable } from '@nestjs/common';
import { notFound } from '@bisang/common';
import { KpisRepository } from '@bisang/database';
import { KpisDto } from './dto/kpis.dto';

@Injectable()
export class KpisService {
  constructor(private readonly kpis: KpisRepository) {}

  /** The fair's KPIs from one consistent snapshot; organizers see drafts too, so any existing fair answers. */
  async forFair(fairId: string): Promise<KpisDto> {
    const kpis = await this.kpis.computeForFair(fairId);
    if (!kpis) throw notFound('Fair', '박람회');
    return KpisDto.from(kpis);
  }
}
