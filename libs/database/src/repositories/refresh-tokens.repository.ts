import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RefreshTokenEntity } from '../entities/refresh-token.entity';
import { rowsOf } from './sql-rows';

export type SpendResult =
  | { outcome: 'spent'; token: RefreshTokenEntity }
  | { outcome: 'reused'; token: RefreshTokenEntity }
  | { outcome: 'invalid' };

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  async issue(token: Pick<RefreshTokenEntity, 'id' | 'userId' | 'familyId' | 'secretHash' | 'expiresAt'>): Promise<void> {
    await this.dataSource.getRepository(RefreshTokenEntity).insert(token);
  }

  /**
   * Marks a token spent exactly once. A second spend of the same token (a replay) is reported as
   * `reused` so the caller can revoke its family; concurrent spends race on one UPDATE and only one wins.
   * A family with any revoked token is revoked as a whole: a token the winner of a race got is inserted after
   * the loser's revocation may have run, and is dead all the same.
   */
  async spend(id: string, secretHash: string, now: Date): Promise<SpendResult> {
    const [spent] = rowsOf<RefreshTokenEntity>(
      await this.dataSource.query(
      `UPDATE refresh_tokens SET used_at = $3
        WHERE id = $1 AND secret_hash = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $3
          AND NOT EXISTS (
            SELECT 1 FROM refresh_tokens f WHERE f.family_id = refresh_tokens.family_id AND f.revoked_at IS NOT NULL
          )
        RETURNING id, user_id AS "userId", family_id AS "familyId"`,
        [id, secretHash, now],
      ),
    );
    if (spent) return { outcome: 'spent', token: spent };
    const existing = await this.dataSource
      .getRepository(RefreshTokenEntity)
      .findOneBy({ id, secretHash });
    if (existing?.usedAt) return { outcome: 'reused', token: existing };
    return { outcome: 'invalid' };
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, now],
    );
  }

  /** The session (family) of a presented token, when it is the user's; null otherwise. */
  async findFamilyOf(userId: string, id: string, secretHash: string): Promise<string | null> {
    const token = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ id, secretHash, userId });
    return token?.familyId ?? null;
  }

  /** Revokes every session of the user but `keepFamilyId`; answers the sessions it revoked. */
  async revokeAllOfUser(userId: string, now: Date, keepFamilyId: string | null = null): Promise<string[]> {
    const rows = rowsOf<{ familyId: string }>(
      await this.dataSource.query(
        `UPDATE refresh_tokens SET revoked_at = $2
          WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR family_id <> $3::uuid)
          RETURNING family_id AS "familyId"`,
        [userId, now, keepFamilyId],
      ),
    );
    return [...new Set(rows.map((r) => r.familyId))];
  }
}
