/**
 * What staff type most: the identifier a customer reads out on the phone or writes in a letter.
 * Such a `q` is first looked up exactly, through a unique or b-tree index (migration
 * 1764000700000-add-exact-search-indexes), before the free-text path, whose trigram candidates
 * for strings made of common pieces (`OMB-2025-…`, `…@mail.example.ru`) are huge.
 */
export type ExactKey =
  | { readonly kind: 'reference'; readonly value: string }
  | { readonly kind: 'complaintReference'; readonly value: string }
  | { readonly kind: 'email'; readonly value: string }
  | { readonly kind: 'customerNumber'; readonly value: string }
  /** The start of a case reference (`2025-0001`, `OMB-2025-00`): the cases whose reference begins so. */
  | { readonly kind: 'referencePrefix'; readonly value: string }
  /** The start of an e-mail address (`anna.petrova@`, `anna@mail.exa`): lower-cased, as typed. */
  | { readonly kind: 'emailPrefix'; readonly value: string };

/** `OMB-2025-000123`, `omb2025000123`, `OMB 2025 000123`: any case, dashes optional. */
const CASE_REFERENCE = /^omb[-\s]?(\d{4})[-\s]?(\d{6,})$/iu;
/** `CMP-000123`, `cmp000123`. */
const COMPLAINT_REFERENCE = /^cmp[-\s]?(\d{6,})$/iu;
/** `2025-0001`, `omb-2025-00`, `OMB2025`: a year and the first digits of a number. */
const REFERENCE_PREFIX = /^(?:omb[-\s]?(\d{4})(?:[-\s]?(\d{1,5}))?|(\d{4})[-\s](\d{1,5}))$/iu;
/** A whole address: something@domain.tld, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;
/**
 * A mailbox name and an `@`, maybe the start of the domain: what staff type from a half-read
 * address. An `@` with nothing before it (`@mail.example`) names a domain that thousands of cases
 * share; it stays free text, whose plan walks the queue order and finds a page at once.
 */
const EMAIL_PREFIX = /^[^\s@]+@[^\s@]*$/u;
/** One token holding a digit (`C-1009`, `100245`): customer numbers have no fixed shape. */
const CUSTOMER_NUMBER = /^(?=[^\s]*\p{N})[\p{L}\p{N}][\p{L}\p{N}._/-]{0,63}$/u;

export function recogniseExact(q: string): ExactKey | null {
  const text = q.trim();
  const reference = CASE_REFERENCE.exec(text);
  if (reference) return { kind: 'reference', value: `OMB-${reference[1]}-${reference[2]}` };
  const complaint = COMPLAINT_REFERENCE.exec(text);
  if (complaint) return { kind: 'complaintReference', value: `CMP-${complaint[1]}` };
  const prefix = REFERENCE_PREFIX.exec(text);
  if (prefix) {
    const [year, digits] = prefix[1] ? [prefix[1], prefix[2] ?? ''] : [prefix[3], prefix[4]];
    return { kind: 'referencePrefix', value: `OMB-${year}-${digits}` };
  }
  if (EMAIL.test(text)) return { kind: 'email', value: text.toLowerCase() };
  if (EMAIL_PREFIX.test(text)) return { kind: 'emailPrefix', value: text.toLowerCase() };
  if (CUSTOMER_NUMBER.test(text)) return { kind: 'customerNumber', value: text.toLowerCase() };
  return null;
}

/** A token of case_search_identifiers() (migration 1767300001000-add-case-identifier-tokens). */
const IDENTIFIER_TOKEN = /^[0-9a-z@_+](?:[0-9a-z@._+/-]*[0-9a-z@_+])?$/u;

/**
 * The identifier whose mentions are "the rest" of a search for a whole reference or address, or
 * null when the rest is free text. A reference or an address is one token that the office or a
 * mail system hands out: a case about it mentions it whole, so the identifier-token index finds
 * those cases in one entry, where the trigram index would read the lists of `omb`, `202`, `mail`…
 * A customer number has no shape of its own (`2024` is also a year, `iphone15` a word), and a
 * prefix is part of a token: their rest stays the free-text search.
 */
export function mentionToken(key: ExactKey): string | null {
  if (key.kind !== 'reference' && key.kind !== 'complaintReference' && key.kind !== 'email')
    return null;
  const token = key.value.toLowerCase();
  return IDENTIFIER_TOKEN.test(token) ? token : null;
}

/** A LIKE pattern's wildcards and escape, taken literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** The value bound for a key: a prefix is matched by LIKE, so its own `%`, `_` and `\` are literal. */
export function exactValue(key: ExactKey): string {
  return key.kind === 'emailPrefix' ? escapeLike(key.value) : key.value;
}

/** The condition for one exact key, written exactly as its index is, so the planner uses it. */
export function exactCondition(kind: ExactKey['kind'], placeholder: string): string {
  switch (kind) {
    case 'reference':
      return `reference = ${placeholder}`; // uq_ombudsman_case_reference
    case 'complaintReference':
      return `complaint_reference = ${placeholder}`; // ix_ombudsman_case_complaint
    case 'email':
      return `lower(customer_email) = ${placeholder}`; // ix_ombudsman_case_customer_email_prefix
    case 'customerNumber':
      return `lower(customer_number) = ${placeholder}`; // ix_ombudsman_case_customer_number
    case 'referencePrefix':
      // ix_ombudsman_case_reference_prefix (text_pattern_ops); the value holds no % or _.
      return `reference LIKE ${placeholder} || '%'`;
    case 'emailPrefix':
      // ix_ombudsman_case_customer_email_prefix (text_pattern_ops): a range of the b-tree.
      return `lower(customer_email) LIKE ${placeholder} || '%'`;
  }
}
