import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity, UserRole } from '../entities/user.entity';
import { isUniqueViolation } from '../pg-errors';

export interface NewUser {
  email: string;
  passwordHash: string;
  name: string;
  role: UserRole;
  birthDate: string | null;
}

/** The one form an e-mail address is stored and looked up in: NFKC, then lower case (so `Ｍinji@X.kr` is `minji@x.kr`). */
export const normalizeEmail = (email: string): string => email.normalize('NFKC').toLowerCase();

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(UserEntity);
  }

  /** Inserts the account, or returns null when the email is already registered. */
  async createUnlessEmailTaken(user: NewUser): Promise<UserEntity | null> {
    try {
      return await this.repo.save(this.repo.create({ ...user, email: normalizeEmail(user.email) }));
    } catch (err) {
      if (isUniqueViolation(err, 'users_email_key') || isUniqueViolation(err, 'users_email_normalized_key')) return null;
      throw err;
    }
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: normalizeEmail(email) });
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.repo.update({ id }, { passwordHash });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.createQueryBuilder('u').where('u.id = ANY(:ids)', { ids }).getMany();
  }
}
