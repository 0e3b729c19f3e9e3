/**
 * How a `q` becomes conditions that an index can answer (the indexes are described in migration
 * 1764000010000-add-case-search). Every whitespace-separated term must occur in the case.
 */

/** The CJK scripts the migration's case_search_cjk_tokens() indexes; keep the two in step. */
const CJK =
  '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f\\u{20000}-\\u{3134f}';
const HAS_CJK = new RegExp(`[${CJK}]`, 'u');
/** One or two CJK characters and nothing else: exactly one token of the CJK index. */
const SHORT_CJK_WORD = new RegExp(`^[${CJK}]{1,2}$`, 'u');
/** pg_trgm needs three word characters in a row to extract a trigram from a LIKE pattern. */
const TRIGRAM_RUN = /[\p{L}\p{N}]{3,}/u;

export const MAX_SEARCH_TERMS = 8;

export interface SearchTerm {
  /** As typed; the database normalises it (case, ё) with the same function as the documents. */
  readonly text: string;
  /** `search_text LIKE %term%`: served by the trigram index, or an exact recheck. */
  readonly like: boolean;
  /** `search_cjk_tokens @> pairs(term)`: served by the CJK index. */
  readonly cjk: boolean;
}

export function toSearchTerm(text: string): SearchTerm {
  const trigrams = TRIGRAM_RUN.test(text);
  const cjk = !trigrams && HAS_CJK.test(text);
  // A lone CJK character or pair is its own token, so the CJK index alone is exact.
  return { text, cjk, like: !(cjk && SHORT_CJK_WORD.test(text)) };
}

export function splitSearch(q: string): string[] {
  return [...new Set(q.trim().split(/\s+/u).filter(Boolean))];
}

/**
 * Why `q` cannot be searched, or null. A term of one or two Latin or Cyrillic letters matches
 * nearly every case and no index can find it, so it must come with a term that one can.
 */
export function searchProblem(q: string): string | null {
  const terms = splitSearch(q);
  if (terms.length === 0) return 'q must not be blank';
  if (terms.length > MAX_SEARCH_TERMS) return `q may have at most ${MAX_SEARCH_TERMS} words`;
  const indexable = terms.some((term) => TRIGRAM_RUN.test(term) || HAS_CJK.test(term));
  if (!indexable) {
    return 'q needs a word of at least 3 letters or digits, or a Chinese, Japanese or Korean character';
  }
  return null;
}

/** Search terms of a valid `q` (see searchProblem). */
export function parseSearch(q: string): SearchTerm[] {
  return splitSearch(q).map(toSearchTerm);
}
