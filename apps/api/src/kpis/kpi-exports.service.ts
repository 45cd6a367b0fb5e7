import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EMPLOYMENT_TYPE_LABELS, KECO_MAJOR_GROUPS, clock, notFound } from '@bisang/common';
import { ApplicationExportRow, EmploymentType, FairEntity, FairsRepository, HireExportRow, KpisRepository } from '@bisang/database';
import { CsvCell, csvChunks } from './csv.encoder';

export interface CsvExport {
  filename: string;
  body: Readable;
}

const STATUS_LABELS: Record<string, string> = {
  applied: '지원',
  screening: '서류 심사',
  interview: '면접',
  offered: '합격 제안',
  hired: '채용',
  rejected: '불합격',
  withdrawn: '지원 철회',
};

const kecoLabel = (code: string) => KECO_MAJOR_GROUPS.find((g) => g.code === code)?.ko ?? '';

/**
 * The organizer's CSV exports: UTF-8 with a BOM (Excel keeps Korean text), streamed from a database
 * cursor batch by batch. Personal data kept to what placement reporting needs: the seeker's name and age
 * at hire, never the birth date or contact details.
 */
@Injectable()
export class KpiExportsService {
  constructor(
    private readonly fairs: FairsRepository,
    private readonly kpis: KpisRepository,
  ) {}

  async hires(fairId: string): Promise<CsvExport> {
    const fair = await this.findFair(fairId);
    const header = [
      '회사(company)',
      '채용공고(posting)',
      '구직자(seeker)',
      '취업 시 나이(age at hire)',
      '청년(youth)',
      '중장년(mid-career)',
      'U-턴(U-turn)',
      '경력단절(career break)',
      '센터 소개(introduced)',
      '전문직(professional)',
      '고용형태(employment type)',
      'KECO 코드(code)',
      'KECO 직종(group)',
      '입사일(start date)',
      `취업 일시(hired at ${fair.timezone})`,
    ];
    const cells = (r: HireExportRow): CsvCell[] => [
      r.company,
      r.posting,
      r.seeker,
      r.ageAtHire,
      r.youth ? 'Y' : 'N',
      r.midCareer ? 'Y' : 'N',
      r.uturn ? 'Y' : 'N',
      r.careerBreak ? 'Y' : 'N',
      r.introduced ? 'Y' : 'N',
      r.professional ? 'Y' : 'N',
      EMPLOYMENT_TYPE_LABELS[r.employmentType as EmploymentType]?.ko ?? r.employmentType,
      r.jobCategory,
      kecoLabel(r.jobCategory),
      r.startDate,
      r.hiredAt,
    ];
    return { filename: this.filename(fair, 'hires'), body: Readable.from(csvChunks(header, this.kpis.streamHires(fair.id), cells), { objectMode: false }) };
  }

  async applications(fairId: string): Promise<CsvExport> {
    const fair = await this.findFair(fairId);
    const header = [
      '회사(company)',
      '채용공고(posting)',
      '구직자(seeker)',
      '상태(status)',
      '상태명(status label)',
      `지원일시(applied at ${fair.timezone})`,
      `최근 변경(last change ${fair.timezone})`,
    ];
    const cells = (r: ApplicationExportRow): CsvCell[] => [
      r.company,
      r.posting,
      r.seeker,
      r.status,
      STATUS_LABELS[r.status] ?? '',
      r.appliedAt,
      r.updatedAt,
    ];
    return {
      filename: this.filename(fair, 'applications'),
      body: Readable.from(csvChunks(header, this.kpis.streamApplications(fair.id), cells), { objectMode: false }),
    };
  }

  private async findFair(fairId: string): Promise<FairEntity> {
    const fair = await this.fairs.findById(fairId);
    if (!fair) throw notFound('Fair', '박람회');
    return fair;
  }

  /** e.g. `daegu-youth-bisang-hires-20260630.csv`: the fair's slug (ASCII) and today in its time zone. */
  private filename(fair: FairEntity, what: string): string {
    return `${fair.slug}-${what}-${DateTime.fromMillis(clock.nowMs()).setZone(fair.timezone).toFormat('yyyyLLdd')}.csv`;
  }
}
