import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyInvitationEntity } from '../entities/company.entity';
import { domainEvent } from '@bisang/contracts';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';

export interface InvitationForInvitee {
  id: string;
  companyId: string;
  companyName: string;
  createdAt: Date;
  expiresAt: Date;
}

export type AcceptOutcome = 'accepted' | 'already-accepted' | 'not-found' | 'expired';

@Injectable()
export class CompanyInvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A pending invitation of the company to the address: the one already pending (its expiry renewed), or a new one.
   * Each call appends `company_invitation.created` in the same transaction: inviting again sends the link again.
   */
  async invite(companyId: string, email: string, invitedBy: string, expiresAt: Date): Promise<CompanyInvitationEntity> {
    const id = await this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ id: string }>(
        await m.query(
          `INSERT INTO company_invitations (company_id, email, invited_by, status, expires_at)
           VALUES ($1, $2, $3, 'pending', $4)
           ON CONFLICT (company_id, email) WHERE status = 'pending'
             DO UPDATE SET expires_at = EXCLUDED.expires_at, invited_by = EXCLUDED.invited_by
           RETURNING id`,
          [companyId, email, invitedBy, expiresAt],
        ),
      );
      await appendDomainEvents(m, [
        domainEvent('company_invitation.created', { invitationId: row.id, companyId, invitedBy, expiresAt: expiresAt.toISOString() }),
      ]);
      return row.id;
    });
    return this.dataSource.getRepository(CompanyInvitationEntity).findOneByOrFail({ id });
  }

  /** The company's invitations still waiting for an answer, newest first. */
  listPendingForCompany(companyId: string, now: Date): Promise<CompanyInvitationEntity[]> {
    return this.dataSource
      .getRepository(CompanyInvitationEntity)
      .createQueryBuilder('i')
      .where(`i.company_id = :companyId AND i.status = 'pending' AND i.expires_at > :now`, { companyId, now })
      .orderBy('i.created_at', 'DESC')
      .limit(100)
      .getMany();
  }

  /** Invitations waiting for this address, with only the inviting company's name. */
  async listPendingForEmail(email: string, now: Date): Promise<InvitationForInvitee[]> {
    return rowsOf<InvitationForInvitee>(
      await this.dataSource.query(
        `SELECT i.id, i.company_id AS "companyId", c.name AS "companyName", i.created_at AS "createdAt", i.expires_at AS "expiresAt"
           FROM company_invitations i JOIN companies c ON c.id = i.company_id
          WHERE i.email = $1 AND i.status = 'pending' AND i.expires_at > $2
          ORDER BY i.created_at DESC
          LIMIT 100`,
        [email, now],
      ),
    );
  }

  /**
   * The invitee accepts: the invitation is marked accepted and they join the company's staff, in one transaction.
   * Only an invitation addressed to `email` is found; anyone else gets `not-found`.
   */
  accept(invitationId: string, email: string, userId: string, now: Date): Promise<{ outcome: AcceptOutcome; companyId?: string }> {
    return this.dataSource.transaction(async (m) => {
      const [invitation] = rowsOf<{ companyId: string; status: string; expiresAt: Date; acceptedBy: string | null }>(
        await m.query(
          `SELECT company_id AS "companyId", status, expires_at AS "expiresAt", accepted_by AS "acceptedBy"
             FROM company_invitations WHERE id = $1 AND email = $2 FOR UPDATE`,
          [invitationId, email],
        ),
      );
      if (!invitation) return { outcome: 'not-found' as const };
      if (invitation.status === 'accepted' && invitation.acceptedBy === userId) return { outcome: 'already-accepted' as const, companyId: invitation.companyId };
      if (invitation.status !== 'pending') return { outcome: 'not-found' as const };
      if (invitation.expiresAt <= now) return { outcome: 'expired' as const };
      await m.query(`UPDATE company_invitations SET status = 'accepted', accepted_by = $2, decided_at = $3 WHERE id = $1`, [invitationId, userId, now]);
      await m.query(`INSERT INTO company_staff (company_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [invitation.companyId, userId]);
      await appendDomainEvents(m, [domainEvent('company_invitation.accepted', { invitationId, companyId: invitation.companyId, userId })]);
      return { outcome: 'accepted' as const, companyId: invitation.companyId };
    });
  }

  /** The invitee declines a pending invitation addressed to them; false when there is none. */
  async decline(invitationId: string, email: string, now: Date): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE company_invitations SET status = 'declined', decided_at = $3
          WHERE id = $1 AND email = $2 AND status = 'pending' RETURNING id`,
        [invitationId, email, now],
      ),
    );
    return rows.length === 1;
  }

  /** Staff withdraw a pending invitation of their company; false when there is none. */
  async cancel(companyId: string, invitationId: string, now: Date): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE company_invitations SET status = 'cancelled', decided_at = $3
          WHERE id = $1 AND company_id = $2 AND status = 'pending' RETURNING id`,
        [invitationId, companyId, now],
      ),
    );
    return rows.length === 1;
  }
}
