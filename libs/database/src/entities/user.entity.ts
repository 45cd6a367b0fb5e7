import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { USER_ROLES } from '@bisang/contracts';
import type { InformativeMailCategory, Language, UserRole } from '@bisang/contracts';
export { USER_ROLES };
export type { UserRole };

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: UserRole;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  /** The language of the user's mail. */
  @Column({ type: 'text', default: 'ko' })
  language: Language;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** Informative mail categories the user switched off. */
  @Column({ name: 'mail_opt_outs', type: 'text', array: true, default: () => "'{}'" })
  mailOptOuts: InformativeMailCategory[];

  /** Set when the account was deleted: the row stays, emptied of personal data, so that counts and keys stay whole. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
