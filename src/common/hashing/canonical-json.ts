/**
 * Deterministic JSON: object keys sorted (by UTF-16 code units, as `Array.prototype.sort` does),
 * no whitespace. PostgreSQL's jsonb reorders keys, so the hash must not depend on key order.
 *
 * Written with plain loops rather than entries/filter/map/join: audit verification runs it on
 * every entry of the log (src/audit/audit-hash.ts), and the text it gives must never change.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) text += ',';
      text += canonicalJson(value[i]);
    }
    return `${text}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) text += ',';
    first = false;
    text += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}
