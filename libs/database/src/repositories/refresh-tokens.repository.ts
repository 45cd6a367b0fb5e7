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
   */
  async spend(id: string, secretHash: string, now: Date): Promise<SpendResult> {
    const [spent] = rowsOf<RefreshTokenEntity>(
      await this.dataSource.query(
      `UPDATE refresh_tokens SET used_at = $3
        WHERE id = $1 AND secret_hash = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $3
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
}
