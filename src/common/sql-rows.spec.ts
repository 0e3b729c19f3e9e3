import {
  changedRowsOf,
  firstRowOf,
  insertedRowOf,
  integer,
  jsonRows,
  oneOf,
  RowShapeError,
  rowsOf,
  text,
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
});
