import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-character searches (`q=경비`, `q=QA`) over a fair's postings. Most Korean job words are two syllables,
 * and pg_trgm extracts no trigram from a two-character pattern, so `postings_text_trgm_idx` cannot serve
 * them: a rare one read every posting of the fair (about 0.4 s at 100,000, bench/postings-search.ts).
 * posting_bigrams() gives the two-character pieces of the lower-cased text; ILIKE compares
 * lower-cased text too, so every match of a two-character `q` contains its bigram, and the GIN index on it
 * narrows the candidates without changing what matches (the ILIKE still decides).
 */
export class AddPostingsBigramIndex1764510000000 implements MigrationInterface {
  name = 'AddPostingsBigramIndex1764510000000';

  async up(q: QueryRunner): Promise<void> {
    // Linear in the text's length (substr() on UTF-8 would make it quadratic); duplicates are left to GIN.
    await q.query(`
      CREATE FUNCTION posting_bigrams(t text) RETURNS text[]
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        c text[] := pg_catalog.regexp_split_to_array(pg_catalog.lower(t), '');
        r text[] := '{}';
      BEGIN
        FOR i IN 1 .. pg_catalog.cardinality(c) - 1 LOOP
          r := r || (c[i] || c[i + 1]);
        END LOOP;
        RETURN r;
      END
      $$`);
    await q.query(`CREATE INDEX postings_text_bigram_idx ON postings USING gin (posting_bigrams(title || ' ' || description))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX postings_text_bigram_idx`);
    await q.query(`DROP FUNCTION posting_bigrams(text)`);
  }
}
