import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BOOTH_STATUSES } from '@bisang/contracts';
import type { BoothStatus } from '@bisang/contracts';
export { BOOTH_STATUSES };
export type { BoothStatus };



@Entity({ name: 'booths' })
export class BoothEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ type: 'text' }) headline: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text' }) status: BoothStatus;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  /** Why an organizer suspended the booth (set exactly while suspended). */
  @Column({ name: 'suspension_reason', type: 'text', nullable: true }) suspensionReason: string | null;
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true }) suspendedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
