/**
 * A list of states from a typed table as an SQL literal, `('open', 'awaiting_approval')`, so a
 * query keeps the literal its partial indexes are written for. Only names from the code's own
 * tables come here, never input; anything but a lower-case name is refused.
 */
export function sqlList(values: readonly string[]): string {
  if (values.length === 0) throw new Error('An SQL list needs at least one value');
  for (const value of values) {
    if (!/^[a-z_]+$/.test(value)) throw new Error(`Not a state name: ${value}`);
  }
  return `(${values.map((v) => `'${v}'`).join(', ')})`;
}

/** One state from a typed table as an SQL literal, `'open'`; as `sqlList`, never input. */
export function sqlValue(value: string): string {
  return sqlList([value]).slice(1, -1);
}
