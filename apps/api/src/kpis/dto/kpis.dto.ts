import { ApiProperty } from '@nestjs/swagger';
import { FOLLOW_UP_DAYS } from '@bisang/common';
import type { FairKpis, FollowUpDays, KpiCompany, KpiDay, KpiRetention } from '@bisang/common';

export class KpiRetentionDto implements KpiRetention {
  @ApiProperty({ enum: FOLLOW_UP_DAYS, description: 'days after the start date' }) days: FollowUpDays;
  @ApiProperty() asked: number;
  @ApiProperty() answered: number;
  @ApiProperty() stillEmployed: number;
  @ApiProperty({ description: 'stillEmployed / answered, 0 when none answered' }) rate: number;
}

export class KpiDayDto implements KpiDay {
  @ApiProperty({ example: '2026-05-09', description: "a day in the fair's time zone" }) date: string;
  @ApiProperty() hires: number;
  @ApiProperty() cumulativeHires: number;
  @ApiProperty() applications: number;
}

export class KpiCompanyDto implements KpiCompany {
  @ApiProperty() companyId: string;
  @ApiProperty() name: string;
  @ApiProperty() applications: number;
  @ApiProperty() interviews: number;
  @ApiProperty() offers: number;
  @ApiProperty() hires: number;
}

/** A fair's KPIs, every number from one database snapshot; shares are fractions 0–1 of `hires`. */
export class KpisDto implements FairKpis {
  @ApiProperty() fairId: string;
  @ApiProperty({ description: 'when the snapshot was read' }) asOf: string;
  @ApiProperty() hiringTarget: number;
  @ApiProperty() hires: number;
  @ApiProperty({ description: 'hires / hiringTarget, 0 when the target is 0' }) targetProgress: number;
  @ApiProperty({ description: "seeker's age on the hire date (fair's time zone) within the fair's youth range" }) youthHires: number;
  @ApiProperty() youthShare: number;
  @ApiProperty({ description: 'employment type regular' }) regularHires: number;
  @ApiProperty() regularShare: number;
  @ApiProperty({ description: "job category among the fair's professional KECO groups" }) professionalHires: number;
  @ApiProperty() professionalShare: number;
  @ApiProperty({ description: 'every application, whatever its status' }) applications: number;
  @ApiProperty({ description: 'applications that reached the interview stage' }) interviews: number;
  @ApiProperty({ description: 'applications that reached the offer stage' }) offers: number;
  @ApiProperty({ description: 'coaching bookings confirmed, completed or no-show' }) coachingBookings: number;
  @ApiProperty() coachingCompletions: number;
  @ApiProperty() coachingNoShows: number;
  @ApiProperty({ description: 'mail about the fair accepted by the SMTP server' }) mailsSent: number;
  @ApiProperty({ description: 'mail whose last attempt failed (unreachable server or temporary refusal), being retried' }) mailsFailed: number;
  @ApiProperty({ description: 'mail the SMTP server refused outright when sent (5xx)' }) mailsBouncedOnSend: number;
  @ApiProperty({ type: [KpiRetentionDto] }) retention: KpiRetentionDto[];
  @ApiProperty({ type: [KpiDayDto] }) daily: KpiDayDto[];
  @ApiProperty({ type: [KpiCompanyDto] }) companies: KpiCompanyDto[];

  static from(k: FairKpis): KpisDto {
    return {
      fairId: k.fairId,
      asOf: k.asOf,
      hiringTarget: k.hiringTarget,
      hires: k.hires,
      targetProgress: k.targetProgress,
      youthHires: k.youthHires,
      youthShare: k.youthShare,
      regularHires: k.regularHires,
      regularShare: k.regularShare,
      professionalHires: k.professionalHires,
      professionalShare: k.professionalShare,
      applications: k.applications,
      interviews: k.interviews,
      offers: k.offers,
      coachingBookings: k.coachingBookings,
      coachingCompletions: k.coachingCompletions,
      coachingNoShows: k.coachingNoShows,
      mailsSent: k.mailsSent,
      mailsFailed: k.mailsFailed,
      mailsBouncedOnSend: k.mailsBouncedOnSend,
      retention: k.retention.map((r) => ({ days: r.days, asked: r.asked, answered: r.answered, stillEmployed: r.stillEmployed, rate: r.rate })),
      daily: k.daily.map((d) => ({ date: d.date, hires: d.hires, cumulativeHires: d.cumulativeHires, applications: d.applications })),
      companies: k.companies.map((c) => ({
        companyId: c.companyId,
        name: c.name,
        applications: c.applications,
        interviews: c.interviews,
        offers: c.offers,
        hires: c.hires,
      })),
    };
  }
}
