import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EMPLOYMENT_TYPES, POSTING_STATUSES } from '@bisang/contracts';
import type { EmploymentType, PostingStatus } from '@bisang/contracts';
export { EMPLOYMENT_TYPES, POSTING_STATUSES };
export type { EmploymentType, PostingStatus };



@Entity({ name: 'postings' })
export class PostingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'booth_id', type: 'uuid' }) boothId: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) description: string;
  /** KECO major group code "0".."9". */
  @Column({ name: 'job_category', type: 'text' }) jobCategory: string;
  @Column({ name: 'employment_type', type: 'text' }) employmentType: EmploymentType;
  @Column({ type: 'integer' }) openings: number;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ name: 'salary_min', type: 'integer', nullable: true }) salaryMin: number | null;
  @Column({ name: 'salary_max', type: 'integer', nullable: true }) salaryMax: number | null;
  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true }) closesAt: Date | null;
  @Column({ name: 'min_career_years', type: 'integer', nullable: true }) minCareerYears: number | null;
  @Column({ type: 'text' }) status: PostingStatus;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
