import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { FollowUpDays } from '@bisang/common';
import type { EmploymentType } from './posting.entity';
import { APPLICATION_STATUSES } from '@bisang/contracts';
import type { ApplicationStatus } from '@bisang/contracts';
export { APPLICATION_STATUSES };
export type { ApplicationStatus };



@Entity({ name: 'applications' })
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'posting_id', type: 'uuid' }) postingId: string;
  @Column({ name: 'booth_id', type: 'uuid' }) boothId: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @Column({ name: 'seeker_id', type: 'uuid' }) seekerId: string;
  @Column({ type: 'text' }) status: ApplicationStatus;
  @Column({ name: 'cover_letter', type: 'text', nullable: true }) coverLetter: string | null;
  /** Private to the booth's staff. */
  @Column({ name: 'recruiter_note', type: 'text', nullable: true }) recruiterNote: string | null;
  /** 1–5, private to the booth's staff. */
  @Column({ type: 'smallint', nullable: true }) rating: number | null;
  @Column({ name: 'reached_interview_at', type: 'timestamptz', nullable: true }) reachedInterviewAt: Date | null;
  @Column({ name: 'reached_offer_at', type: 'timestamptz', nullable: true }) reachedOfferAt: Date | null;
  /** When the seeker accepted the offer in the app (null until then). */
  @Column({ name: 'offer_accepted_at', type: 'timestamptz', nullable: true }) offerAcceptedAt: Date | null;
  @Column({ name: 'applied_at', type: 'timestamptz' }) appliedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One recorded move of an application: who, when, from, to. */
@Entity({ name: 'application_transitions' })
export class ApplicationTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: ApplicationStatus | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus: ApplicationStatus;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
}

/** The outcome the fair is measured by: an application that became a job. */
@Entity({ name: 'hires' })
export class HireEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @Column({ name: 'posting_id', type: 'uuid' }) postingId: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ name: 'seeker_id', type: 'uuid' }) seekerId: string;
  @Column({ name: 'employment_type', type: 'text' }) employmentType: EmploymentType;
  @Column({ name: 'job_category', type: 'text' }) jobCategory: string;
  /** YYYY-MM-DD. */
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'hired_at', type: 'timestamptz' }) hiredAt: Date;
}

export type { FollowUpDays };

/** "Are you still employed?" asked 30, 60 and 90 days after a hire's start date. */
@Entity({ name: 'hire_follow_ups' })
export class HireFollowUpEntity {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @PrimaryColumn({ name: 'days_after_start', type: 'smallint' }) daysAfterStart: FollowUpDays;
  @Column({ name: 'asked_at', type: 'timestamptz', nullable: true }) askedAt: Date | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'still_employed', type: 'boolean', nullable: true }) stillEmployed: boolean | null;
}
