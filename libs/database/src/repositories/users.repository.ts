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

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(UserEntity);
  }

  /** Inserts the account, or returns null when the email is already registered. */
  async createUnlessEmailTaken(user: NewUser): Promise<UserEntity | null> {
    try {
      return await this.repo.save(this.repo.create({ ...user, email: user.email.toLowerCase() }));
    } catch (err) {
      if (isUniqueViolation(err, 'users_email_key')) return null;
      throw err;
    }
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.createQueryBuilder('u').where('u.id = ANY(:ids)', { ids }).getMany();
  }
}
