import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations from the talent pool to chat (issue #16): a company invites a pooled seeker to talk at its booth
 * instead of to apply. Same table as invitations to apply, so the per-company daily limit counts both, and the
 * seeker answers both in one list.
 * - `kind`: `apply` (to a posting, as before) or `chat` (at a booth, no posting).
 * - `chat_id`: the booth chat an accepted chat invitation opened, or (an invitation to apply) the chat it was sent from.
 * - `pool_invitations_one_open_chat`: one chat invitation per booth and seeker until the seeker accepts one; a
 *   declined one keeps blocking, so that a second invitation answers the company exactly as a pending one would
 *   (ignoring stays private).
 */
export class AddPoolChatInvitations1764820000000 implements MigrationInterface {
  name = 'AddPoolChatInvitations1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE pool_invitations
        ADD COLUMN kind text NOT NULL DEFAULT 'apply' CHECK (kind IN ('apply', 'chat')),
        ALTER COLUMN posting_id DROP NOT NULL,
        ADD COLUMN chat_id uuid REFERENCES chats(id) ON DELETE SET NULL,
        ADD CONSTRAINT pool_invitations_posting_by_kind CHECK ((kind = 'apply') = (posting_id IS NOT NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX pool_invitations_one_open_chat ON pool_invitations (booth_id, seeker_id) WHERE kind = 'chat' AND status <> 'accepted'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX pool_invitations_one_open_chat`);
    await q.query(`DELETE FROM pool_invitations WHERE kind = 'chat'`);
    await q.query(`
      ALTER TABLE pool_invitations
        DROP CONSTRAINT pool_invitations_posting_by_kind,
        DROP COLUMN chat_id,
        ALTER COLUMN posting_id SET NOT NULL,
        DROP COLUMN kind`);
  }
}
