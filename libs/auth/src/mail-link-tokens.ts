import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@bisang/config';
import type { InformativeMailCategory } from '@bisang/contracts';

/** Seven days: a verification link outlives a weekend away. */
export const VERIFICATION_LINK_TTL_MS = 7 * 24 * 3600_000;
export const PASSWORD_RESET_LINK_TTL_MS = 30 * 60_000;

type Purpose = 'verify-email' | 'password-reset' | 'unsubscribe' | 'invitation' | 'calendar-feed' | 'follow-up';

/** A follow-up question's answer links work for 30 days. */
export const FOLLOW_UP_LINK_TTL_MS = 30 * 24 * 3600_000;

interface Claims {
  /** user id */
  u: string;
  /** expiry, ms since the epoch (none for unsubscribe links, which must keep working) */
  x?: number;
  /** verify-email and invitation: the address the link was made for; unsubscribe: the category */
  d?: string;
}

/**
 * Signed, stateless link tokens (`<claims>.<hmac>`, base64url) for links in mails, keyed by the JWT secret and the
 * link's purpose, so a token of one purpose is worthless for another. A password-reset token is also keyed by the
 * account's current password hash: once the password changes, every reset link made before is dead (single use)
 * without a table of tokens.
 */
@Injectable()
export class MailLinkTokens {
  constructor(private readonly config: AppConfig) {}

  verification(userId: string, email: string, now = Date.now()): string {
    return this.sign('verify-email', { u: userId, x: now + VERIFICATION_LINK_TTL_MS, d: email.toLowerCase() });
  }

  passwordReset(userId: string, passwordHash: string, expiresAt: Date): string {
    return this.sign('password-reset', { u: userId, x: expiresAt.getTime() }, passwordHash);
  }

  unsubscribe(userId: string, category: InformativeMailCategory): string {
    return this.sign('unsubscribe', { u: userId, d: category });
  }

  /** A company invitation's accept link (`u` is the invitation's id), valid as long as the invitation. */
  invitation(invitationId: string, email: string, expiresAt: Date): string {
    return this.sign('invitation', { u: invitationId, x: expiresAt.getTime(), d: email.toLowerCase() });
  }

  /** The invitation an accept link names, or null when forged or expired. */
  readInvitation(token: string): { invitationId: string; email: string } | null {
    const claims = this.read('invitation', token);
    return claims?.d ? { invitationId: claims.u, email: claims.d } : null;
  }

  /** A private calendar feed's URL token: the user and the feed's current version (rotating it revokes the URL). */
  calendarFeed(userId: string, version: string): string {
    return this.sign('calendar-feed', { u: userId, d: version });
  }

  readCalendarFeed(token: string): { userId: string; version: string } | null {
    const claims = this.read('calendar-feed', token);
    return claims?.d ? { userId: claims.u, version: claims.d } : null;
  }

  /** A one-click answer to a follow-up question (`u`: the seeker; `d`: application, days, answer), for 30 days. */
  followUpAnswer(seekerId: string, applicationId: string, days: number, stillEmployed: boolean, now = Date.now()): string {
    return this.sign('follow-up', { u: seekerId, x: now + FOLLOW_UP_LINK_TTL_MS, d: `${applicationId}/${days}/${stillEmployed ? 'yes' : 'no'}` });
  }

  readFollowUpAnswer(token: string): { seekerId: string; applicationId: string; days: number; stillEmployed: boolean } | null {
    const claims = this.read('follow-up', token);
    const m = claims?.d ? /^([0-9a-f-]{36})\/(30|60|90)\/(yes|no)$/.exec(claims.d) : null;
    return claims && m ? { seekerId: claims.u, applicationId: m[1], days: Number(m[2]), stillEmployed: m[3] === 'yes' } : null;
  }

  /** The verification link's user and address, or null when forged or expired. */
  readVerification(token: string): { userId: string; email: string } | null {
    const claims = this.read('verify-email', token);
    return claims?.d ? { userId: claims.u, email: claims.d } : null;
  }

  /** The user a reset token names, unchecked: check it with `checkPasswordReset` against their current hash. */
  passwordResetUser(token: string): string | null {
    const claims = this.decode(token);
    return claims?.u ?? null;
  }

  checkPasswordReset(token: string, passwordHash: string): boolean {
    return this.read('password-reset', token, passwordHash) !== null;
  }

  readUnsubscribe(token: string): { userId: string; category: string } | null {
    const claims = this.read('unsubscribe', token);
    return claims?.d ? { userId: claims.u, category: claims.d } : null;
  }

  private key(purpose: Purpose, extra: string): Buffer {
    return createHmac('sha256', this.config.jwtSecret).update(`bisang-mail-link:${purpose}:${extra}`).digest();
  }

  private sign(purpose: Purpose, claims: Claims, extra = ''): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${createHmac('sha256', this.key(purpose, extra)).update(body).digest('base64url')}`;
  }

  private decode(token: string): Claims | null {
    const [body] = token.split('.');
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
      return typeof claims?.u === 'string' ? claims : null;
    } catch {
      return null;
    }
  }

  private read(purpose: Purpose, token: string, extra = ''): Claims | null {
    if (typeof token !== 'string' || token.length > 2000) return null;
    const [body, sig, ...rest] = token.split('.');
    if (!body || !sig || rest.length) return null;
    const expected = createHmac('sha256', this.key(purpose, extra)).update(body).digest();
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = this.decode(token);
    if (!claims) return null;
    if (claims.x !== undefined && claims.x <= Date.now()) return null;
    return claims;
  }
}
