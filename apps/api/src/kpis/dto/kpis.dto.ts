import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, Max, Min, ValidateIf } from 'class-validator';
import { FOLLOW_UP_DAYS } from '@bisang/common';
import type { FairKpis, FollowUpDays, KpiCompany, KpiDay, KpiRetention } from '@bisang/common';
import type { KpiTargets, KpiTargetsInput } from '@bisang/contracts';

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

const share = (name: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 1, description: `target ${name} (fraction 0–1); null clears it` }),
    ValidateIf((_: object, v: unknown) => v !== undefined && v !== null),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${name} must be a number from 0 to 1` }),
    Min(0, { message: `${name} must be a number from 0 to 1` }),
    Max(1, { message: `${name} must be a number from 0 to 1` }),
  );

/** `PUT /fairs/:fairId/kpi-targets`: the whole set of target shares (a share left out has no target). */
export class KpiTargetsDto implements KpiTargetsInput {
  @share('youthShare') youthShare?: number | null;
  @share('regularShare') regularShare?: number | null;
  @share('professionalShare') professionalShare?: number | null;
  @share('midCareerShare') midCareerShare?: number | null;
  @share('uturnShare') uturnShare?: number | null;
  @share('careerBreakShare') careerBreakShare?: number | null;
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
  @ApiProperty({ description: "age on the hire date (fair's time zone) at least the fair's midCareerAgeMin (default 40)" }) midCareerHires: number;
  @ApiProperty() midCareerShare: number;
  @ApiProperty({ description: "the seeker's profile says U-turn (returning to the region)" }) uturnHires: number;
  @ApiProperty() uturnShare: number;
  @ApiProperty({ description: 'the seeker declared a career break (경력단절; organizers only)' }) careerBreakHires: number;
  @ApiProperty() careerBreakShare: number;
  @ApiProperty({ description: "applications made from the centre's introduction (소개)" }) introducedHires: number;
  @ApiProperty() introducedShare: number;
  @ApiProperty({ description: 'target shares (0–1) the organizer set; a share without a target is absent', example: { youthShare: 0.475 } })
  targets: KpiTargets;
  @ApiProperty({ description: 'every application, whatever its status' }) applications: number;
  @ApiProperty({ description: 'applications that reached the interview stage' }) interviews: number;
  @ApiProperty({ description: 'applications that reached the offer stage' }) offers: number;
  @ApiProperty({ description: 'coaching bookings confirmed, completed or no-show' }) coachingBookings: number;
  @ApiProperty() coachingCompletions: number;
  @ApiProperty() coachingNoShows: number;
  @ApiProperty({ description: 'booth chats taken from a queue' }) chatsHeld: number;
  @ApiProperty({ type: Number, nullable: true, description: 'median wait in a booth queue before a chat began, seconds' }) chatWaitMedianSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90th percentile of that wait, seconds' }) chatWaitP90Seconds: number | null;
  @ApiProperty({ description: 'booth queue entries left before being served' }) chatQueueAbandoned: number;
  @ApiProperty({ description: 'left messages no staff answered for more than 24 h' }) chatMessagesUnanswered: number;
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
      midCareerHires: k.midCareerHires,
      midCareerShare: k.midCareerShare,
      uturnHires: k.uturnHires,
      uturnShare: k.uturnShare,
      careerBreakHires: k.careerBreakHires,
      careerBreakShare: k.careerBreakShare,
      introducedHires: k.introducedHires,
      introducedShare: k.introducedShare,
      targets: k.targets,
      applications: k.applications,
      interviews: k.interviews,
      offers: k.offers,
      coachingBookings: k.coachingBookings,
      coachingCompletions: k.coachingCompletions,
      coachingNoShows: k.coachingNoShows,
      chatsHeld: k.chatsHeld,
      chatWaitMedianSeconds: k.chatWaitMedianSeconds,
      chatWaitP90Seconds: k.chatWaitP90Seconds,
      chatQueueAbandoned: k.chatQueueAbandoned,
      chatMessagesUnanswered: k.chatMessagesUnanswered,
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
