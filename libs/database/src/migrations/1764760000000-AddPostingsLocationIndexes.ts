import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Region words in search (issue 15 item 9): `q=수성구` also matches the posting's location, and `region=대구 수성구`
 * asks each word of the location. Like the title and description (postings_text_trgm_idx and
 * postings_text_bigram_idx), the location gets a trigram index for words of three characters or more and a
 * bigram index for two-character words ("대구", "경산"), so the OR with the location does not read every posting
 * of the fair. The ILIKE still decides what matches.
 */
export class AddPostingsLocationIndexes1764760000000 implements MigrationInterface {
  name = 'AddPostingsLocationIndexes1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX postings_location_trgm_idx ON postings USING gin (location gin_trgm_ops)`);
    await q.query(`CREATE INDEX postings_location_bigram_idx ON postings USING gin (posting_bigrams(location))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX postings_location_bigram_idx`);
    await q.query(`DROP INDEX postings_location_trgm_idx`);
  }
}
