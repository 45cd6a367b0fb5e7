import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Company pages (issue 15): an introduction, benefits, where people work, a business-registration number that an
 * organizer confirms (verified badge), and a logo and photos. Images are files in storage, checked by content
 * like resumes; one logo per company.
 */
export class AddCompanyPages1764830000002 implements MigrationInterface {
  name = 'AddCompanyPages1764830000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE companies
        ADD COLUMN introduction text CHECK (char_length(introduction) <= 5000),
        ADD COLUMN benefits text[] NOT NULL DEFAULT '{}' CHECK (cardinality(benefits) <= 20),
        ADD COLUMN location text CHECK (char_length(location) <= 200),
        ADD COLUMN business_number text CHECK (business_number ~ '^[0-9]{10}$'),
        ADD COLUMN business_number_verified_at timestamptz,
        ADD COLUMN business_number_verified_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD CONSTRAINT companies_verified_has_number CHECK (business_number_verified_at IS NULL OR business_number IS NOT NULL)`);
    await q.query(`
      CREATE TABLE company_images (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('logo', 'photo')),
        storage_key text NOT NULL UNIQUE,
        content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX company_images_one_logo_idx ON company_images (company_id) WHERE kind = 'logo'`);
    await q.query(`CREATE INDEX company_images_company_idx ON company_images (company_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE company_images`);
    await q.query(`
      ALTER TABLE companies DROP CONSTRAINT companies_verified_has_number,
        DROP COLUMN introduction, DROP COLUMN benefits, DROP COLUMN location, DROP COLUMN business_number,
        DROP COLUMN business_number_verified_at, DROP COLUMN business_number_verified_by`);
  }
}
