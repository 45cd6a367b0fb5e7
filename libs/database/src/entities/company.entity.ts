import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'companies' })
export class CompanyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) industry: string | null;
  @Column({ type: 'text', nullable: true }) region: string | null;
  @Column({ type: 'text', nullable: true }) size: string | null;
  /** The company page: what it says about itself, its benefits and where people work. */
  @Column({ type: 'text', nullable: true }) introduction: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) benefits: string[];
  @Column({ type: 'text', nullable: true }) location: string | null;
  /** 사업자등록번호, 10 digits; verified when an organizer confirmed it (cleared when it changes). */
  @Column({ name: 'business_number', type: 'text', nullable: true }) businessNumber: string | null;
  @Column({ name: 'business_number_verified_at', type: 'timestamptz', nullable: true }) businessNumberVerifiedAt: Date | null;
  @Column({ name: 'business_number_verified_by', type: 'uuid', nullable: true }) businessNumberVerifiedBy: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A recruiter who acts for a company. */
@Entity({ name: 'company_staff' })
export class CompanyStaffEntity {
  @PrimaryColumn({ name: 'company_id', type: 'uuid' }) companyId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' }) addedAt: Date;
}

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** An invitation to act for a company, addressed to an e-mail (normalised); it takes effect when the invitee accepts. */
@Entity({ name: 'company_invitations' })
export class CompanyInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'invited_by', type: 'uuid', nullable: true }) invitedBy: string | null;
  @Column({ type: 'text' }) status: InvitationStatus;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'accepted_by', type: 'uuid', nullable: true }) acceptedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
