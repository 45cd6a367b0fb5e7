import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@bisang/config';
import { RefreshTokensRepository, UserEntity, UserRole, UsersRepository } from '@bisang/database';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { TokenService } from './token.service';

export interface NewAccount {
  email: string;
  password: string;
  name: string;
  role: UserRole;
  birthDate?: string | null;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export type RefreshOutcome = { ok: true; tokens: TokenPair } | { ok: false; reason: 'invalid' | 'reused' };

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
      name: account.name,
      role: account.role,
      birthDate: account.birthDate ?? null,
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
      return { ok: false, reason: 'reused' };
    }
    if (spent.outcome === 'invalid') return { ok: false, reason: 'invalid' };
    const user = await this.users.findById(spent.token.userId);
    if (!user) return { ok: false, reason: 'invalid' };
    return { ok: true, tokens: await this.issuePair(user, spent.token.familyId) };
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
    return { accessToken: await this.tokens.signAccess(user), refreshToken: refresh.token };
  }
}
