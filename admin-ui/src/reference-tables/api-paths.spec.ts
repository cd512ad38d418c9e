import { describe, expect, it } from 'vitest';
import { cellProblemsFrom, csvLineProblems, formErrorsFrom, serverMessage } from './api-paths';
import type { ShownDetail } from '../common/api-error';

const problem = (details: ShownDetail[]) => ({
  status: 400,
  error: 'validation_failed',
  message: 'x',
  details,
});

describe('API error paths', () => {
  it('puts /rows/<n>/<column> on the cell of the n-th row that was sent', () => {
    const sent = [
      { uid: 10, cells: {} },
      { uid: 4, cells: {} },
    ];
    const { cells, other } = cellProblemsFrom(
      problem([
        { path: '/rows/1/rate', message: 'must be a number' },
        { path: '/rows/1/rate', message: 'is required' },
        { path: '/rows/0/neq', message: 'repeats the key "a" of row 1' },
        { path: '/rows/5/neq', message: 'is required' },
        { path: '/rows', message: 'has 20001 rows' },
      ]),
      sent,
    );
    expect([...cells.entries()]).toEqual([
      ['4/rate', ['must be a number', 'is required']],
      ['10/neq', ['repeats the key "a" of row 1']],
    ]);
    expect(other.map((d) => d.path)).toEqual(['/rows/5/neq', '/rows']);
  });

  it('reads CSV problems as line, column and message', () => {
    expect(
      csvLineProblems(
        problem([
          { path: '/csv/line/3/name', message: 'is required' },
          { path: '/csv/line/7', message: 'Invalid Closing Quote', lang: 'en' },
          { path: '/csv', message: 'empty' },
        ]),
      ),
    ).toEqual([
      { line: 3, column: 'name', message: 'is required' },
      { line: 7, message: 'Invalid Closing Quote', lang: 'en' },
      { message: 'empty' },
    ]);
  });

  it('turns details into nested form errors for the create form', () => {
    expect(
      formErrorsFrom([
        { path: '/columns/1/name', message: 'is used twice' },
        { path: '/key', message: 'is already taken' },
        { path: '/key', message: 'is too long' },
        { path: '', message: 'ignored: names no field' },
      ]),
    ).toEqual({ columns: { 1: { name: 'is used twice' } }, key: 'is already taken ; is too long' });
  });

  it('translates the server wording it knows, numbering rows as the user sees them', () => {
    expect(serverMessage('must be a date YYYY-MM-DD, from 1900-01-01 to 9999-12-31', 1)).toEqual({
      key: 'gabarit.reference_tables.cell_errors.date',
    });
    expect(serverMessage('repeats the key "33" of row 0', 2)).toEqual({
      key: 'gabarit.reference_tables.server_errors.repeated_key',
      options: { key: '33', row: 2 },
    });
    expect(serverMessage('repeats the key "33" of line 2', 2)).toEqual({
      key: 'gabarit.reference_tables.server_errors.repeated_key_line',
      options: { key: '33', line: 2 },
    });
    expect(
      serverMessage('begins or ends with spaces: write the key without them, as a CSV import reads it', 1),
    ).toEqual({ key: 'gabarit.reference_tables.server_errors.key_spaces' });
    expect(serverMessage('Invalid Closing Quote: got "x"', 1)).toBeUndefined();
  });
});
