import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cases that mention an identifier (a case or complaint reference, an e-mail address): "the
 * rest" of a search for one (src/cases/queue/queue-page.ts). Through the trigram index that costs
 * the posting lists of `omb`, `202`, `000`, `mail`, `exa`…, nearly the whole table, each candidate
 * rechecked; here it is one entry of a GIN index.
 *
 * The tokens are the runs of ASCII letters, digits and `@._+/-` of the normalised search text
 * (so `omb-2025-000123.` at the end of a sentence is `omb-2025-000123`), kept only when they hold
 * a digit or an `@`: identifiers, dates and amounts, not the words, so the index stays small.
 * src/cases/queue/exact-search.ts (mentionToken) looks up only values of that same shape.
 */
export class AddCaseIdentifierTokens1767300001000 implements MigrationInterface {
  name = 'AddCaseIdentifierTokens1767300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION case_search_identifiers(document text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      BEGIN ATOMIC
        SELECT coalesce(array_agg(DISTINCT t.token), '{}')
          FROM regexp_matches(document, '[0-9a-z@._+/-]+', 'g') AS m(parts),
               LATERAL (VALUES (btrim(m.parts[1], './-'))) AS t(token)
         WHERE t.token ~ '[0-9@]';
      END`);
    await q.query(`
      CREATE INDEX ix_ombudsman_case_search_identifiers
        ON ombudsman_case USING gin (case_search_identifiers(search_text))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_ombudsman_case_search_identifiers');
    await q.query('DROP FUNCTION case_search_identifiers(text)');
  }
}
