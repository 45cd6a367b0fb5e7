import { Injectable } from '@nestjs/common';
import { notFound } from '@bisang/common';
import { KpisRepository } from '@bisang/database';
import type { KpiTargets, KpiTargetsInput } from '@bisang/contracts';
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

  /** Replaces the fair's target shares; a share sent as null (or left out) has no target. */
  async setTargets(fairId: string, input: KpiTargetsInput): Promise<KpiTargets> {
    const targets = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as KpiTargets;
    const saved = await this.kpis.setTargets(fairId, targets);
    if (!saved) throw notFound('Fair', '박람회');
    return saved;
  }
}
