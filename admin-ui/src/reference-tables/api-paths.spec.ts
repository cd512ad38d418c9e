import { describe, expect, it } from 'vitest';
import { cellProblemsFrom, csvLineProblems, formErrorsFrom } from './api-paths';
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
});
