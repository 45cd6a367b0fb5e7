import { Injectable } from '@nestjs/common';
import { AccountsService, AuthenticatedUser, SessionRevocations, SignInBackoff, TokenPair } from '@bisang/auth';
import { UserEntity, normalizeEmail } from '@bisang/database';
import { RealtimePublisher } from '@bisang/realtime';
import { invalidCredentials, invalidRefreshToken, refreshTokenReused, wrongCurrentPassword } from './auth.errors';

/**
 * Ending sessions. A session is a refresh-token family; ending it revokes its refresh tokens (PostgreSQL), refuses
 * its access tokens at once (SessionRevocations) and drops its sockets (a `sessions.revoked` signal to the gateways).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly revocations: SessionRevocations,
    private readonly realtime: RealtimePublisher,
    private readonly backoff: SignInBackoff,
  ) {}

  /** Signs in, unless this account was failed too often lately (from this address, or at all: see SignInBackoff). */
  async signIn(email: string, password: string, address: string): Promise<{ user: UserEntity; tokens: TokenPair } | { retryAfter: number }> {
    const account = normalizeEmail(email);
    const retryAfter = await this.backoff.retryAfter(account, address);
    if (retryAfter > 0) return { retryAfter };
    const user = await this.accounts.authenticate(account, password);
    if (!user) {
      await this.backoff.failed(account, address);
      throw invalidCredentials();
    }
    await this.backoff.succeeded(account, address);
    return { user, tokens: await this.accounts.startSession(user) };
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.accounts.refresh(refreshToken);
    if (outcome.ok) return outcome.tokens;
    if (outcome.reason === 'invalid') throw invalidRefreshToken();
    await this.ended(outcome.userId, [outcome.sessionId]);
    throw refreshTokenReused();
  }

  /** Signs out the caller's session and the one the refresh token belongs to (normally the same). */
  async logout(user: AuthenticatedUser, refreshToken: string): Promise<void> {
    const ended = await this.accounts.endSession(user.id, refreshToken, user.sessionId ?? null);
    await this.ended(user.id, ended);
  }

  /** Signs out every session of the caller, this one included. */
  async logoutEverywhere(user: AuthenticatedUser): Promise<void> {
    const ended = await this.accounts.endAllSessions(user.id);
    await this.revocations.revoke([...ended, ...(user.sessionId ? [user.sessionId] : [])]);
    await this.realtime.sessionsRevoked(user.id, null);
  }

  /**
   * Changes the password; every other session ends, the caller's stays. Wrong current passwords count as failed
   * sign-ins of the account (SignInBackoff), so a stolen access token is no way around the back-off.
   */
  async changePassword(user: AuthenticatedUser, currentPassword: string, newPassword: string, address: string): Promise<{ retryAfter: number } | null> {
    const account = await this.accounts.findUser(user.id);
    if (!account) throw wrongCurrentPassword();
    const retryAfter = await this.backoff.retryAfter(account.email, address);
    if (retryAfter > 0) return { retryAfter };
    const change = await this.accounts.changePassword(user.id, user.sessionId ?? null, currentPassword, newPassword);
    if (!change.ok) {
      await this.backoff.failed(account.email, address);
      throw wrongCurrentPassword();
    }
    await this.backoff.succeeded(account.email, address);
    await this.ended(user.id, change.revokedSessionIds);
    return null;
  }

  private async ended(userId: string, sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.revocations.revoke(sessionIds);
    await this.realtime.sessionsRevoked(userId, sessionIds);
  }
}
