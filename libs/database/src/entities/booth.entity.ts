import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const BOOTH_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type BoothStatus = (typeof BOOTH_STATUSES)[number];

@Entity({ name: 'booths' })
export class BoothEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ type: 'text' }) headline: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text' }) status: BoothStatus;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
