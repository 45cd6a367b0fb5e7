import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@bisang/config';
import { clock, stripInvisibleControls } from '@bisang/common';
import { RefreshTokensRepository, UserEntity, UserRole, UsersRepository } from '@bisang/database';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { TokenService } from './token.service';

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  role: UserRole;
  birthDate?: string | null;
  /** The privacy consent version agreed to on the sign-up form, if any. */
  privacyConsentVersion?: string | null;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export type RefreshOutcome =
  | { ok: true; tokens: TokenPair }
  | { ok: false; reason: 'invalid' }
  /** A spent token came back: its session (family) is revoked, whoever holds it. */
  | { ok: false; reason: 'reused'; userId: string; sessionId: string };

export type PasswordChange = { ok: true; revokedSessionIds: string[] } | { ok: false; reason: 'wrong-password' };

/** Accounts and sessions: creating users, signing in, rotating refresh tokens with reuse detection. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
  ) {}

  /** Creates the account; null when the email is already registered. */
  async createAccount(account: NewAccount): Promise<UserEntity | null> {
    const passwordHash = await hashPassword(account.password);
    return this.users.createUnlessEmailTaken({
      email: account.email,
      passwordHash,
      name: stripInvisibleControls(account.name).trim(),
      role: account.role,
      birthDate: account.birthDate ?? null,
      privacyConsent: account.privacyConsentVersion ? { version: account.privacyConsentVersion, at: clock.now() } : null,
    });
  }

  /** The user whose email and password match, or null. Costs the same whether or not the email exists. */
  async authenticate(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findByEmail(email);
    if (!user) {
      await verifyPassword(await decoyHash(), password);
      return null;
    }
    return (await verifyPassword(user.passwordHash, password)) ? user : null;
  }

  /** Starts a new session: an access token and the first refresh token of a new family. */
  startSession(user: Pick<UserEntity, 'id' | 'role'>): Promise<TokenPair> {
    return this.issuePair(user, randomUUID());
  }

  /** Spends a refresh token for a new pair; spending one twice revokes its whole family. */
  async refresh(presented: string): Promise<RefreshOutcome> {
    const parsed = this.tokens.parseRefresh(presented);
    if (!parsed) return { ok: false, reason: 'invalid' };
    const now = new Date();
    const spent = await this.refreshTokens.spend(parsed.id, parsed.secretHash, now);
    if (spent.outcome === 'reused') {
      await this.refreshTokens.revokeFamily(spent.token.familyId, now);
      return { ok: false, reason: 'reused', userId: spent.token.userId, sessionId: spent.token.familyId };
    }
    if (spent.outcome === 'invalid') return { ok: false, reason: 'invalid' };
    const user = await this.users.findById(spent.token.userId);
    if (!user || user.deletedAt) return { ok: false, reason: 'invalid' };
    return { ok: true, tokens: await this.issuePair(user, spent.token.familyId) };
  }

  /**
   * Ends the caller's current session and the one the presented refresh token belongs to, when it is the user's
   * (normally both are the same); answers the sessions ended.
   */
  async endSession(userId: string, presented: string, currentSessionId: string | null): Promise<string[]> {
    const parsed = this.tokens.parseRefresh(presented);
    const familyId = parsed ? await this.refreshTokens.findFamilyOf(userId, parsed.id, parsed.secretHash) : null;
    const ended = [...new Set([familyId, currentSessionId].filter((id): id is string => id !== null))];
    const now = new Date();
    for (const id of ended) await this.refreshTokens.revokeFamily(id, now);
    return ended;
  }

  /** Ends every session of the user ("sign out everywhere"); answers the sessions ended. */
  endAllSessions(userId: string): Promise<string[]> {
    return this.refreshTokens.revokeAllOfUser(userId, new Date());
  }

  /** Changes the password after checking the current one; every other session of the user ends. */
  async changePassword(userId: string, currentSessionId: string | null, current: string, next: string): Promise<PasswordChange> {
    const user = await this.users.findById(userId);
    if (!user || !(await verifyPassword(user.passwordHash, current))) return { ok: false, reason: 'wrong-password' };
    await this.users.updatePasswordHash(user.id, await hashPassword(next));
    return { ok: true, revokedSessionIds: await this.refreshTokens.revokeAllOfUser(user.id, new Date(), currentSessionId) };
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  private async issuePair(user: Pick<UserEntity, 'id' | 'role'>, familyId: string): Promise<TokenPair> {
    const refresh = this.tokens.mintRefresh();
    await this.refreshTokens.issue({
      id: refresh.id,
      userId: user.id,
      familyId,
      secretHash: refresh.secretHash,
      expiresAt: new Date(Date.now() + this.config.refreshTtlSeconds * 1000),
    });
    return { accessToken: await this.tokens.signAccess(user, familyId), refreshToken: refresh.token };
  }
}
