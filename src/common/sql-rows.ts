/**
 * Rows as the pg driver hands them over, checked column by column at the repository boundary: a
 * repository maps each raw row to its typed row with these readers instead of casting, so a
 * column that changes type or goes missing fails loudly where the SQL is, not far away in a view.
 */
export type RawRow = Readonly<Record<string, unknown>>;

/** A column did not hold what the repository expected of it. */
export class RowShapeError extends Error {
  constructor(column: string, expected: string, value: unknown) {
    super(`column ${column}: expected ${expected}, got ${describe(value)}`);
    this.name = 'RowShapeError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function isRaw(value: unknown): value is RawRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rows of a SELECT or an INSERT … RETURNING: the driver answers an array of rows. */
export function rowsOf<T>(result: unknown, map: (row: RawRow) => T): T[] {
  if (!Array.isArray(result)) throw new RowShapeError('(result)', 'an array of rows', result);
  return result.map((row) => {
    if (!isRaw(row)) throw new RowShapeError('(row)', 'an object', row);
    return map(row);
  });
}

/** The first row of a SELECT or an INSERT … RETURNING, or null when there is none. */
export function firstRowOf<T>(result: unknown, map: (row: RawRow) => T): T | null {
  return rowsOf(result, map)[0] ?? null;
}

/** The one row an INSERT … RETURNING answers (with no ON CONFLICT, it always answers one). */
export function insertedRowOf<T>(result: unknown, map: (row: RawRow) => T): T {
  const [row] = rowsOf(result, map);
  if (row === undefined) throw new RowShapeError('(result)', 'the inserted row', result);
  return row;
}

/** The rows of an UPDATE or DELETE … RETURNING: TypeORM's pg driver answers `[rows, count]`. */
export function changedRowsOf<T>(result: unknown, map: (row: RawRow) => T): T[] {
  if (!Array.isArray(result) || !Array.isArray(result[0])) {
    throw new RowShapeError('(result)', '[rows, count]', result);
  }
  return rowsOf(result[0], map);
}

/** How many rows an UPDATE or DELETE changed (`[rows, count]`, as above). */
export function changedCountOf(result: unknown): number {
  if (!Array.isArray(result) || typeof result[1] !== 'number') {
    throw new RowShapeError('(result)', '[rows, count]', result);
  }
  return result[1];
}

export function text(row: RawRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new RowShapeError(column, 'text', value);
  return value;
}

export function textOrNull(row: RawRow, column: string): string | null {
  return row[column] === null ? null : text(row, column);
}

/** An integer column (int4, or a count cast to int). */
export function integer(row: RawRow, column: string): number {
  const value = row[column];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new RowShapeError(column, 'an integer', value);
  }
  return value;
}

export function timestamp(row: RawRow, column: string): Date {
  const value = row[column];
  if (!(value instanceof Date)) throw new RowShapeError(column, 'a timestamp', value);
  return value;
}

export function timestampOrNull(row: RawRow, column: string): Date | null {
  return row[column] === null ? null : timestamp(row, column);
}

/** A text column whose value is one of a closed set (a status, a finding). */
export function oneOf<T extends string>(row: RawRow, column: string, values: readonly T[]): T {
  const value = text(row, column);
  if (!isMember(values, value)) {
    throw new RowShapeError(column, `one of ${values.join(', ')}`, value);
  }
  return value;
}

function isMember<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function oneOfOrNull<T extends string>(
  row: RawRow,
  column: string,
  values: readonly T[],
): T | null {
  return row[column] === null ? null : oneOf(row, column, values);
}

/** A json array of objects (json_agg), each mapped by `map`. */
export function jsonRows<T>(row: RawRow, column: string, map: (item: RawRow) => T): T[] {
  const value = row[column];
  if (!Array.isArray(value)) throw new RowShapeError(column, 'a json array', value);
  return rowsOf(value, map);
}

/** A bytea column. */
export function bytes(row: RawRow, column: string): Buffer {
  const value = row[column];
  if (!Buffer.isBuffer(value)) throw new RowShapeError(column, 'bytes', value);
  return value;
}

export function integerOrNull(row: RawRow, column: string): number | null {
  return row[column] === null ? null : integer(row, column);
}

/** A float8 column, or any number the SQL computes without casting it to int. */
export function float(row: RawRow, column: string): number {
  const value = row[column];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RowShapeError(column, 'a number', value);
  }
  return value;
}

/** A bigint or numeric column: the driver hands it over as a string of digits, read as a number. */
export function bigintNumber(row: RawRow, column: string): number {
  const value = row[column];
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw new RowShapeError(column, 'a bigint', value);
  }
  return Number(value);
}

export function boolean(row: RawRow, column: string): boolean {
  const value = row[column];
  if (typeof value !== 'boolean') throw new RowShapeError(column, 'a boolean', value);
  return value;
}

export function booleanOrNull(row: RawRow, column: string): boolean | null {
  return row[column] === null ? null : boolean(row, column);
}

/** A text[] column (or a date[] cast to text[]). */
export function textArray(row: RawRow, column: string): string[] {
  const value = row[column];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new RowShapeError(column, 'a text array', value);
  }
  return value as string[];
}

/** An int2[] or int4[] column. */
export function integerArray(row: RawRow, column: string): number[] {
  const value = row[column];
  if (!Array.isArray(value) || !value.every((item) => Number.isInteger(item))) {
    throw new RowShapeError(column, 'an integer array', value);
  }
  return value as number[];
}

/** A json or jsonb column whose value the caller takes as it is (an audit entry's before/after). */
export function json(row: RawRow, column: string): unknown {
  const value = row[column];
  if (value === undefined) throw new RowShapeError(column, 'a json value', value);
  return value;
}

export function bytesOrNull(row: RawRow, column: string): Buffer | null {
  return row[column] === null ? null : bytes(row, column);
}

/**
 * A timestamp inside a json column (json_build_object writes it as ISO 8601 text with its
 * offset): read back as a Date, checked like a top-level one.
 */
export function jsonTimestamp(row: RawRow, column: string): Date {
  const value = row[column];
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new RowShapeError(column, 'an ISO 8601 timestamp', value);
  }
  return date;
}

export function jsonTimestampOrNull(row: RawRow, column: string): Date | null {
  return row[column] === null ? null : jsonTimestamp(row, column);
}

/** A json object column (a jsonb `data` of free keys). */
export function jsonObject(row: RawRow, column: string): Record<string, unknown> {
  const value = row[column];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RowShapeError(column, 'a json object', value);
  }
  return value as Record<string, unknown>;
}
