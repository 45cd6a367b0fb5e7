import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EDUCATION_LEVELS } from '@bisang/contracts';
import type { EducationLevel } from '@bisang/contracts';
export { EDUCATION_LEVELS };
export type { EducationLevel };



/** What a seeker tells recruiters about themselves; the birth date stays on the user. */
@Entity({ name: 'seeker_profiles' })
export class SeekerProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text', nullable: true }) education: EducationLevel | null;
  /** KECO major group codes "0".."9". */
  @Column({ name: 'desired_job_categories', type: 'text', array: true }) desiredJobCategories: string[];
  @Column({ type: 'text', nullable: true }) region: string | null;
  /** Returning to the region from elsewhere. */
  @Column({ name: 'u_turn', type: 'boolean' }) uTurn: boolean;
  @Column({ name: 'career_summary', type: 'text', nullable: true }) careerSummary: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
