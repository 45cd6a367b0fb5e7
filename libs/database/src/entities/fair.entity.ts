import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FAIR_STATUSES } from '@bisang/contracts';
import type { FairStatus } from '@bisang/contracts';
export { FAIR_STATUSES };
export type { FairStatus };



@Entity({ name: 'fairs' })
export class FairEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) slug: string;
  @Column({ type: 'text' }) title: string;
  /** What the fair is, for its home page (null until the organizer writes one). */
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** IANA zone, e.g. Asia/Seoul: day boundaries, booth hours and slots follow it. */
  @Column({ type: 'text' }) timezone: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ name: 'hiring_target', type: 'integer' }) hiringTarget: number;
  @Column({ name: 'youth_age_min', type: 'integer' }) youthAgeMin: number;
  @Column({ name: 'youth_age_max', type: 'integer' }) youthAgeMax: number;
  @Column({ name: 'professional_job_categories', type: 'text', array: true }) professionalJobCategories: string[];
  @Column({ name: 'max_upcoming_coaching_per_seeker', type: 'integer' }) maxUpcomingCoachingPerSeeker: number;
  /** Hires this old or older on the hire day count as mid-career (중장년). */
  @Column({ name: 'mid_career_age_min', type: 'integer', default: 40 }) midCareerAgeMin: number;
  /** How many talent-pool invitations one company may send per fair-local day. */
  @Column({ name: 'pool_invitations_per_company_per_day', type: 'integer', default: 20 }) poolInvitationsPerCompanyPerDay: number;
  @Column({ type: 'text' }) status: FairStatus;
  /** Id of the fair's newest feed event; bumped under the row lock in the transaction that writes the event. */
  @Column({ name: 'last_event_id', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  lastEventId: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}

/** A draft fair exists only for organizers; once published, everyone may see it. */
export function isFairVisibleTo(fair: Pick<FairEntity, 'status'> | null | undefined, role: string | undefined): fair is FairEntity {
  return !!fair && (fair.status !== 'draft' || role === 'organizer');
}
