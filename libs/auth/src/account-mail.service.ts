import { Injectable } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import type { InformativeMailCategory, Language } from '@bisang/contracts';
import { INFORMATIVE_MAIL_CATEGORIES } from '@bisang/contracts';
import { UsersRepository } from '@bisang/database';
import { hashPassword } from './password';
import { MailLinkTokens, PASSWORD_RESET_LINK_TTL_MS } from './mail-link-tokens';

/**
 * What the links in account mails do: verify an address, reset a forgotten password, switch off a category of
 * informative mail, and whether applying and booking wait for a verified address.
 */
@Injectable()
export class AccountMailService {
  constructor(
    private readonly users: UsersRepository,
    private readonly links: MailLinkTokens,
    private readonly config: AppConfig,
  ) {}

  /** Whether applying and booking wait for a verified address on this server (EMAIL_VERIFICATION). */
  get verificationRequired(): boolean {
    return this.config.mail.verificationRequired;
  }

  /** Whether the caller may apply or book: always when verification is off, otherwise once the address is verified. */
  async hasVerifiedEmailIfRequired(userId: string): Promise<boolean> {
    if (!this.config.mail.verificationRequired) return true;
    const user = await this.users.findById(userId);
    return !!user?.emailVerifiedAt;
  }

  async verifyEmail(token: string): Promise<boolean> {
    const claims = this.links.readVerification(token);
    return !!claims && (await this.users.markEmailVerified(claims.userId, claims.email, new Date()));
  }

  /** A new verification link by mail; false when the address is already verified. */
  resendVerification(userId: string): Promise<boolean> {
    return this.users.requestEmailVerification(userId);
  }

  /** Asks for a reset mail when the account exists; says nothing either way (no enumeration). */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (user) await this.users.requestPasswordReset(user.id, new Date(Date.now() + PASSWORD_RESET_LINK_TTL_MS));
  }

  /** Sets the new password and revokes every session; false for a forged, expired or already used token. */
  async confirmPasswordReset(token: string, password: string): Promise<boolean> {
    const userId = this.links.passwordResetUser(token);
    if (!userId || !/^[0-9a-f-]{36}$/.test(userId)) return false;
    const user = await this.users.findById(userId);
    if (!user || !this.links.checkPasswordReset(token, user.passwordHash)) return false;
    return this.users.resetPassword(user.id, user.passwordHash, await hashPassword(password), new Date());
  }

  async setLanguage(userId: string, language: Language): Promise<void> {
    await this.users.setLanguage(userId, language);
  }

  /** One-click unsubscribe: false for a forged token. */
  async unsubscribe(token: string): Promise<boolean> {
    const claims = this.links.readUnsubscribe(token);
    if (!claims || !(INFORMATIVE_MAIL_CATEGORIES as readonly string[]).includes(claims.category)) return false;
    await this.users.optOutOfMail(claims.userId, claims.category as InformativeMailCategory);
    return true;
  }
}
