import { MigrationInterface, QueryRunner } from 'typeorm';

/** Company staff join by invitation: one pending invitation per company and address at a time. */
export class CreateCompanyInvitations1764620000002 implements MigrationInterface {
  name = 'CreateCompanyInvitations1764620000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE company_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        email text NOT NULL,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
        expires_at timestamptz NOT NULL,
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX company_invitations_pending_key ON company_invitations (company_id, email) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX company_invitations_email_idx ON company_invitations (email) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE company_invitations`);
  }
}
