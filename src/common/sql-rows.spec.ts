import {
  bigintNumber,
  boolean,
  changedRowsOf,
  float,
  firstRowOf,
  insertedRowOf,
  integer,
  integerArray,
  json,
  jsonObject,
  jsonRows,
  jsonTimestamp,
  jsonTimestampOrNull,
  oneOf,
  RowShapeError,
  rowsOf,
  text,
  textArray,
  textOrNull,
  timestamp,
  timestampOrNull,
} from './sql-rows';

describe('checked rows', () => {
  it('maps every row of a select and answers null for the first row of none', () => {
    expect(rowsOf([{ id: 'a' }, { id: 'b' }], (row) => text(row, 'id'))).toEqual(['a', 'b']);
    expect(firstRowOf([], (row) => text(row, 'id'))).toBeNull();
  });

  it('refuses an insert that answered no row', () => {
    expect(insertedRowOf([{ id: 'a' }], (row) => text(row, 'id'))).toBe('a');
    expect(() => insertedRowOf([], (row) => text(row, 'id'))).toThrow(RowShapeError);
  });

  it('reads the rows of an update from the driver’s [rows, count]', () => {
    expect(changedRowsOf([[{ n: 1 }], 1], (row) => integer(row, 'n'))).toEqual([1]);
    expect(() => changedRowsOf([{ n: 1 }], (row) => integer(row, 'n'))).toThrow(RowShapeError);
  });

  it('refuses a column of the wrong type, naming the column', () => {
    expect(() => text({ id: 7 }, 'id')).toThrow('column id: expected text, got number');
    expect(() => integer({ n: '7' }, 'n')).toThrow(RowShapeError);
    expect(() => integer({ n: 1.5 }, 'n')).toThrow(RowShapeError);
    expect(() => timestamp({ at: '2026-01-01' }, 'at')).toThrow(RowShapeError);
    expect(() => text({}, 'missing')).toThrow('got undefined');
  });

  it('lets null through only where the column may be null', () => {
    expect(textOrNull({ note: null }, 'note')).toBeNull();
    expect(timestampOrNull({ at: null }, 'at')).toBeNull();
    expect(() => text({ note: null }, 'note')).toThrow('got null');
  });

  it('accepts a value of a closed set and refuses any other', () => {
    expect(oneOf({ s: 'due' }, 's', ['due', 'fulfilled'])).toBe('due');
    expect(() => oneOf({ s: 'paid' }, 's', ['due', 'fulfilled'])).toThrow('one of due, fulfilled');
  });

  it('maps each object of a json array', () => {
    const row = { approvals: [{ id: 'x' }] };
    expect(jsonRows(row, 'approvals', (a) => text(a, 'id'))).toEqual(['x']);
    expect(() => jsonRows({ approvals: '[]' }, 'approvals', (a) => a)).toThrow(RowShapeError);
  });

  it('reads the driver’s bigint strings, floats, booleans and arrays, and refuses look-alikes', () => {
    expect(bigintNumber({ n: '42' }, 'n')).toBe(42);
    expect(() => bigintNumber({ n: 42 }, 'n')).toThrow(RowShapeError);
    expect(float({ ms: 1.5 }, 'ms')).toBe(1.5);
    expect(() => float({ ms: '1.5' }, 'ms')).toThrow(RowShapeError);
    expect(boolean({ ok: false }, 'ok')).toBe(false);
    expect(() => boolean({ ok: 'f' }, 'ok')).toThrow(RowShapeError);
    expect(textArray({ days: ['2026-01-01'] }, 'days')).toEqual(['2026-01-01']);
    expect(() => textArray({ days: [1] }, 'days')).toThrow(RowShapeError);
    expect(integerArray({ days: [1, 2] }, 'days')).toEqual([1, 2]);
    expect(() => integerArray({ days: '{1,2}' }, 'days')).toThrow(RowShapeError);
    expect(json({ before: null }, 'before')).toBeNull();
    expect(() => json({}, 'before')).toThrow(RowShapeError);
  });

  it('reads a timestamp written into json back as the same instant, and refuses anything else', () => {
    const at = jsonTimestamp({ at: '2026-12-07T14:19:03.123456+02:00' }, 'at');
    expect(at.toISOString()).toBe('2026-12-07T12:19:03.123Z');
    expect(jsonTimestampOrNull({ at: null }, 'at')).toBeNull();
    expect(() => jsonTimestamp({ at: 'yesterday' }, 'at')).toThrow(RowShapeError);
    expect(() => jsonTimestamp({ at: 1765000000000 }, 'at')).toThrow(RowShapeError);
  });

  it('reads a json object and refuses an array or null in its place', () => {
    expect(jsonObject({ data: { to: 'closed' } }, 'data')).toEqual({ to: 'closed' });
    expect(() => jsonObject({ data: [] }, 'data')).toThrow(RowShapeError);
    expect(() => jsonObject({ data: null }, 'data')).toThrow(RowShapeError);
  });
});
