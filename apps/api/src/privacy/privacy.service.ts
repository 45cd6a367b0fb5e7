import { Injectable, Logger } from '@nestjs/common';
import { AccountsService, AuthenticatedUser, SessionRevocations, SignInBackoff } from '@bisang/auth';
import { clock, forbidden, notFound } from '@bisang/common';
import { PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import type { PrivacyConsentStatus } from '@bisang/contracts';
import { BoothQueueRepository, PersonalDataExport, PrivacyRepository, RefreshTokensRepository } from '@bisang/database';
import { RealtimePublisher } from '@bisang/realtime';
import { FileStorage } from '@bisang/storage';
import { wrongCurrentPassword } from '../auth/auth.errors';

/** The seeker's privacy rights: the consent they gave, a copy of their data, and the deletion of their account. */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    private readonly privacy: PrivacyRepository,
    private readonly accounts: AccountsService,
    private readonly backoff: SignInBackoff,
    private readonly queues: BoothQueueRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly revocations: SessionRevocations,
    private readonly realtime: RealtimePublisher,
    private readonly storage: FileStorage,
  ) {}

  async consentStatus(userId: string): Promise<PrivacyConsentStatus> {
    const consents = await this.privacy.consentsOf(userId);
    return { currentVersion: PRIVACY_CONSENT_VERSION, agreed: consents.some((c) => c.version === PRIVACY_CONSENT_VERSION), consents };
  }

  async agree(userId: string, version: string): Promise<PrivacyConsentStatus> {
    await this.privacy.agree(userId, version, clock.now());
    return this.consentStatus(userId);
  }

  async exportData(userId: string): Promise<PersonalDataExport & { exportedAt: string; format: string }> {
    const data = await this.privacy.exportData(userId);
    if (!data) throw notFound('User', '사용자');
    return { format: 'bisang-personal-data/1', exportedAt: clock.now().toISOString(), ...data };
  }

  /**
   * Deletes the caller's (seeker) account after checking the password again. Wrong passwords count as failed
   * sign-ins of the account (SignInBackoff), as for a password change. Answers the retry delay when backed off.
   */
  async deleteAccount(caller: AuthenticatedUser, password: string, address: string): Promise<{ retryAfter: number } | null> {
    if (caller.role !== 'seeker') {
      throw forbidden('구직자만 이 화면에서 탈퇴할 수 있습니다. 운영자에게 문의하세요 / Only job seekers can delete their account here; ask the organizer');
    }
    const account = await this.accounts.findUser(caller.id);
    if (!account || account.deletedAt) throw notFound('User', '사용자');
    const retryAfter = await this.backoff.retryAfter(account.email, address);
    if (retryAfter > 0) return { retryAfter };
    if (!(await this.accounts.authenticate(account.email, password))) {
      await this.backoff.failed(account.email, address);
      throw wrongCurrentPassword();
    }
    await this.backoff.succeeded(account.email, address);

    // Leaving a queue moves everyone behind up (and nudges the next one), as the seeker leaving it would.
    const now = clock.now();
    for (const boothId of await this.privacy.waitingQueueBooths(caller.id)) await this.queues.leave(boothId, caller.id, now);
    const erased = await this.privacy.anonymiseSeeker(caller.id, now);
    if (!erased) throw notFound('User', '사용자');

    const ended = await this.refreshTokens.revokeAllOfUser(caller.id, now);
    await this.revocations.revoke([...ended, ...(caller.sessionId ? [caller.sessionId] : [])]);
    await this.realtime.sessionsRevoked(caller.id, null);
    for (const key of erased.resumeKeys) {
      await this.storage.delete(key).catch((err: unknown) => {
        // The row is gone, so nobody can reach the file; a sweep can remove it later. No personal data in the log.
        this.logger.warn({ msg: 'resume file of a deleted account not removed', error: err instanceof Error ? err.message : String(err) });
      });
    }
    return null;
  }
}
