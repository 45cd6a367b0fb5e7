import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { USER_ROLES } from '@bisang/contracts';
import type { UserRole } from '@bisang/contracts';
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
