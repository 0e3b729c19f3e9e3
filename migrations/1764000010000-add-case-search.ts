import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CJK scripts, as PostgreSQL regex ranges: Hiragana and Katakana, CJK Extension A, the Unified
 * Ideographs, Hangul syllables, compatibility ideographs, half-width Katakana and Extensions B–H.
 * Their text has no spaces between words, so it is indexed by characters rather than by words.
 */
const CJK_RUN =
  '[\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f\\U00020000-\\U0003134f]+';

/**
 * Search over a case's reference, customer name and e-mail, subject and description, in any
 * language, always answered from an index:
 *
 * - `search_text` holds the normalised concatenation (lower case, ё → е) and `search_cjk_tokens`
 *   its CJK tokens, both stored: index rechecks, and filters on an index walk in queue order, read
 *   them instead of recomputing them for every candidate row. Terms never contain spaces, so the
 *   single-space separator cannot make a term match across two fields.
 * - `ix_ombudsman_case_search_trgm` (pg_trgm GIN) serves any substring of three or more
 *   characters: Russian and English words, e-mails, reference fragments, longer CJK terms.
 * - Trigrams cannot serve one- or two-character terms, which are whole words in Chinese (`款`,
 *   `退款`). `ix_ombudsman_case_search_cjk` indexes every CJK character and adjacent pair of
 *   characters: a one- or two-character term is answered exactly by its one token; other short
 *   terms ask for all their pairs (an AND) and `LIKE` on `search_text` rechecks the order.
 * - `ix_ombudsman_case_assignee_created` keeps "my queue" a short index walk, like the status one.
 */
export class AddCaseSearch1764000010000 implements MigrationInterface {
  name = 'AddCaseSearch1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query(`
      CREATE FUNCTION case_search_normalize(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN translate(lower(value), 'ёЁ', 'ее')`);
    // DISTINCT keeps each token once; a run's last character "pairs" with nothing and is itself.
    // PL/pgSQL so that the common case, a document without CJK, returns after one regex test.
    await q.query(`
      CREATE FUNCTION case_search_cjk_tokens(document text) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
      AS $$
      BEGIN
        IF document !~ '${CJK_RUN}' THEN
          RETURN '{}';
        END IF;
        RETURN (
          SELECT array_agg(DISTINCT t.token)
            FROM regexp_matches(document, '${CJK_RUN}', 'g') AS run(chars),
                 generate_series(1, char_length(run.chars[1])) AS i,
                 LATERAL (VALUES (substr(run.chars[1], i, 1)), (substr(run.chars[1], i, 2))) AS t(token));
      END
      $$`);
    // A lone character is looked up as itself; longer runs only by their pairs, which are far
    // rarer than single characters, so the index intersects short posting lists.
    await q.query(`
      CREATE FUNCTION case_search_cjk_query(term text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      BEGIN ATOMIC
        SELECT coalesce(array_agg(DISTINCT substr(run.chars[1], i, 2)), '{}')
          FROM regexp_matches(term, '${CJK_RUN}', 'g') AS run(chars),
               generate_series(1, greatest(char_length(run.chars[1]) - 1, 1)) AS i;
      END`);
    const document = `case_search_normalize(
      reference || ' ' || customer_name || ' ' || customer_email || ' ' || subject || ' ' || description)`;
    await q.query(`
      ALTER TABLE ombudsman_case
        ADD COLUMN search_text text NOT NULL GENERATED ALWAYS AS (${document}) STORED,
        ADD COLUMN search_cjk_tokens text[] NOT NULL
          GENERATED ALWAYS AS (case_search_cjk_tokens(${document})) STORED`);
    await q.query(
      'CREATE INDEX ix_ombudsman_case_search_trgm ON ombudsman_case USING gin (search_text gin_trgm_ops)',
    );
    await q.query(
      'CREATE INDEX ix_ombudsman_case_search_cjk ON ombudsman_case USING gin (search_cjk_tokens)',
    );
    await q.query(`
      CREATE INDEX ix_ombudsman_case_assignee_created
        ON ombudsman_case (assigned_officer_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_ombudsman_case_assignee_created');
    await q.query('DROP INDEX ix_ombudsman_case_search_cjk');
    await q.query('DROP INDEX ix_ombudsman_case_search_trgm');
    await q.query(
      'ALTER TABLE ombudsman_case DROP COLUMN search_cjk_tokens, DROP COLUMN search_text',
    );
    await q.query('DROP FUNCTION case_search_cjk_query(text)');
    await q.query('DROP FUNCTION case_search_cjk_tokens(text)');
    await q.query('DROP FUNCTION case_search_normalize(text)');
  }
}
