/**
 * Rows as `manager.query` answers them are `any`; repositories read them through these checks, so
 * a column that is missing or of another type fails loudly at the boundary instead of travelling
 * on under a cast. pg hands bigint and numeric over as text: `int` takes both forms and refuses
 * anything beyond the safe integer range.
 */
export type Row = Readonly<Record<string, unknown>>;

export class RowShapeError extends Error {
  constructor(column: string, expected: string, value: unknown) {
    super(`column ${column}: expected ${expected}, got ${describe(value)}`);
    this.name = 'RowShapeError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  return typeof value;
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rowList(value: unknown, what: string): Row[] {
  if (!Array.isArray(value) || !value.every(isRow)) {
    throw new RowShapeError('(result)', what, value);
  }
  return value;
}

/** The rows of a SELECT, or of an INSERT … RETURNING. */
export function rowsOf(result: unknown): Row[] {
  return rowList(result, 'a list of rows');
}

/** The first row, or undefined when there is none. */
export function firstRowOf(result: unknown): Row | undefined {
  return rowsOf(result)[0];
}

/** The returned rows and the count of an UPDATE or DELETE (TypeORM answers `[rows, affected]`). */
export function changedOf(result: unknown): { rows: Row[]; count: number } {
  if (!Array.isArray(result) || result.length !== 2 || typeof result[1] !== 'number') {
    throw new RowShapeError('(result)', '[rows, affected]', result);
  }
  return { rows: rowList(result[0], 'a list of rows'), count: result[1] };
}

function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new RowShapeError(column, 'text', value);
  return value;
}

function int(row: Row, column: string): number {
  const value = row[column];
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new RowShapeError(column, 'a safe integer', value);
  }
  return n;
}

function num(row: Row, column: string): number {
  const value = row[column];
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) throw new RowShapeError(column, 'a number', value);
  return n;
}

function bool(row: Row, column: string): boolean {
  const value = row[column];
  if (typeof value !== 'boolean') throw new RowShapeError(column, 'a boolean', value);
  return value;
}

function date(row: Row, column: string): Date {
  const value = row[column];
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RowShapeError(column, 'a timestamp', value);
  }
  return value;
}

function bytes(row: Row, column: string): Buffer {
  const value = row[column];
  if (!Buffer.isBuffer(value)) throw new RowShapeError(column, 'bytes', value);
  return value;
}

function array(row: Row, column: string): unknown[] {
  const value = row[column];
  if (!Array.isArray(value)) throw new RowShapeError(column, 'an array', value);
  return value as unknown[];
}

function texts(row: Row, column: string): string[] {
  const values = array(row, column);
  if (!values.every((v) => typeof v === 'string')) {
    throw new RowShapeError(column, 'an array of text', values);
  }
  return values as string[];
}

function ints(row: Row, column: string): number[] {
  return array(row, column).map((_, i, all) => int({ [column]: all[i] }, column));
}

function object(row: Row, column: string): Record<string, unknown> {
  const value = row[column];
  if (!isRow(value)) throw new RowShapeError(column, 'a JSON object', value);
  return value;
}

function oneOf<T extends string>(row: Row, column: string, values: readonly T[]): T {
  const value = text(row, column);
  if (!(values as readonly string[]).includes(value)) {
    throw new RowShapeError(column, `one of ${values.join(', ')}`, value);
  }
  return value as T;
}

/** `check` unless the column is null. */
function orNull<T>(check: (row: Row, column: string) => T) {
  return (row: Row, column: string): T | null => (row[column] === null ? null : check(row, column));
}

/** Typed reads of one column each; `…OrNull` lets SQL NULL through as null. */
export const col = {
  text,
  textOrNull: orNull(text),
  int,
  intOrNull: orNull(int),
  num,
  bool,
  boolOrNull: orNull(bool),
  date,
  dateOrNull: orNull(date),
  bytes,
  texts,
  ints,
  object,
  oneOf,
  oneOfOrNull: <T extends string>(row: Row, column: string, values: readonly T[]): T | null =>
    row[column] === null ? null : oneOf(row, column, values),
};
