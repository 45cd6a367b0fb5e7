import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { domainEvent } from '@bisang/contracts';
import type { InformativeMailCategory, Language } from '@bisang/contracts';
import { appendDomainEvents } from './domain-events.repository';
import { recordPrivacyConsent } from './privacy.repository';
import { UserEntity, UserRole } from '../entities/user.entity';
import { isUniqueViolation } from '../pg-errors';

export interface NewUser {
  email: string;
  passwordHash: string;
  name: string;
  role: UserRole;
  birthDate: string | null;
  /** The privacy consent version agreed to on the sign-up form, recorded with the account at `consentedAt`. */
  privacyConsent?: { version: string; at: Date } | null;
}

/** The one form an e-mail address is stored and looked up in: NFKC, then lower case (so `Ｍinji@X.kr` is `minji@x.kr`). */
export const normalizeEmail = (email: string): string => email.normalize('NFKC').toLowerCase();

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(UserEntity);
  }

  /** Inserts the account (`account.registered`: its address gets a verification link), or returns null when the email is already registered. */
  async createUnlessEmailTaken(user: NewUser): Promise<UserEntity | null> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const { privacyConsent, ...fields } = user;
        const saved = await m.getRepository(UserEntity).save(m.getRepository(UserEntity).create({ ...fields, email: normalizeEmail(user.email) }));
        if (privacyConsent) await recordPrivacyConsent(m, saved.id, privacyConsent.version, privacyConsent.at);
        await appendDomainEvents(m, [domainEvent('account.registered', { userId: saved.id })]);
        return saved;
      });
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

  /** A new verification link for an unverified address; false when it is already verified. */
  async requestEmailVerification(userId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const rows: unknown[] = await m.query(`SELECT 1 FROM users WHERE id = $1 AND email_verified_at IS NULL`, [userId]);
      if (rows.length === 0) return false;
      await appendDomainEvents(m, [domainEvent('email_verification.requested', { userId })]);
      return true;
    });
  }

  /** Marks the address verified, if it is still the address the link was made for. */
  async markEmailVerified(userId: string, email: string, now: Date): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE users SET email_verified_at = coalesce(email_verified_at, $3) WHERE id = $1 AND email = $2`,
      [userId, email.toLowerCase(), now],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Records a reset request for an existing account (the mail follows from `password_reset.requested`). */
  async requestPasswordReset(userId: string, expiresAt: Date): Promise<void> {
    await this.dataSource.transaction((m) =>
      appendDomainEvents(m, [domainEvent('password_reset.requested', { userId, expiresAt: expiresAt.toISOString() })]),
    );
  }

  /**
   * Sets the new password only if the old hash is still `expectedHash` (the reset link was made from it, so a link
   * works once even when two are spent at the same time), and revokes every refresh-token family of the account.
   */
  async resetPassword(userId: string, expectedHash: string, newHash: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [, affected] = (await m.query(`UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2`, [
        userId,
        expectedHash,
        newHash,
      ])) as [unknown, number];
      if (affected !== 1) return false;
      await m.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, now]);
      await appendDomainEvents(m, [domainEvent('password_reset.completed', { userId })]);
      return true;
    });
  }

  async setLanguage(userId: string, language: Language): Promise<void> {
    await this.dataSource.query(`UPDATE users SET language = $2 WHERE id = $1`, [userId, language]);
  }

  /** Switches an informative mail category off for the user (idempotent). */
  async optOutOfMail(userId: string, category: InformativeMailCategory): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET mail_opt_outs = array_append(mail_opt_outs, $2) WHERE id = $1 AND NOT ($2 = ANY(mail_opt_outs))`,
      [userId, category],
    );
  }
}
