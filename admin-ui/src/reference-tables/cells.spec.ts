import { describe, expect, it } from 'vitest';
import { formatCell, gridToRows, parseCell, rowsToGrid, type Column } from './cells';

const columns: Column[] = [
  { name: 'neq', type: 'string' },
  { name: 'creditLimit', type: 'number' },
  { name: 'onRena', type: 'boolean' },
  { name: 'since', type: 'date' },
];

describe('cell input by column type', () => {
  it('reads French and English numbers, and refuses text', () => {
    expect(parseCell('1 234,56', 'number')).toEqual({ value: 1234.56 });
    expect(parseCell('1\u202f500', 'number')).toEqual({ value: 1500 });
    expect(parseCell('-0.5', 'number')).toEqual({ value: -0.5 });
    expect(parseCell('12 $', 'number')).toEqual({ error: 'number' });
    // « 1,000 » in the English console was saved as 1: refused there, where the comma groups thousands.
    expect(parseCell('1,000', 'number', 'en')).toEqual({ error: 'number_ambiguous' });
    expect(parseCell('12,500', 'number', 'en')).toEqual({ error: 'number_ambiguous' });
    expect(parseCell('0,125', 'number', 'en')).toEqual({ value: 0.125 });
    // In French the comma is the decimal point: « 9,975 » is the QST rate.
    expect(parseCell('9,975', 'number', 'fr')).toEqual({ value: 9.975 });
    expect(parseCell('1,5', 'number')).toEqual({ value: 1.5 });
    expect(parseCell('1,2,3', 'number')).toEqual({ error: 'number' });
  });

  it('reads yes/no in both languages and refuses anything else', () => {
    expect(parseCell('Oui', 'boolean')).toEqual({ value: true });
    expect(parseCell('false', 'boolean')).toEqual({ value: false });
    expect(parseCell('non', 'boolean')).toEqual({ value: false });
    expect(parseCell('peut-être', 'boolean')).toEqual({ error: 'boolean' });
  });

  it('takes real calendar days only, as YYYY-MM-DD', () => {
    expect(parseCell('2020-02-29', 'date')).toEqual({ value: '2020-02-29' });
    expect(parseCell('2026-02-30', 'date')).toEqual({ error: 'date' });
    expect(parseCell('01/02/2020', 'date')).toEqual({ error: 'date' });
    expect(parseCell('0000-01-01', 'date')).toEqual({ error: 'date' });
    expect(parseCell('1899-12-31', 'date')).toEqual({ error: 'date' });
    expect(parseCell('9999-12-31', 'date')).toEqual({ value: '9999-12-31' });
  });

  it('treats an empty cell as no value and trims text', () => {
    expect(parseCell('   ', 'number')).toEqual({ value: null });
    expect(parseCell('  Ateliers Côté ', 'string')).toEqual({ value: 'Ateliers Côté' });
  });

  it('shows numbers with the decimal mark of the language', () => {
    expect(formatCell(1500.5, 'number', 'fr')).toBe('1\u00a0500,5');
    expect(formatCell(1500.5, 'number', 'en')).toBe('1\u00a0500.5');
    expect(formatCell(-25000000, 'number', 'fr')).toBe('-25\u00a0000\u00a0000');
    expect(formatCell(999, 'number', 'fr')).toBe('999');
    // The number's own digits, grouped: neither binary noise nor rounding.
    expect(formatCell(0.1, 'number', 'fr')).toBe('0,1');
    expect(formatCell(1234567.0000001, 'number', 'en')).toBe('1\u00a0234\u00a0567.0000001');
    expect(formatCell(1e21, 'number', 'fr')).toBe('1e+21');
    // What a cell shows reads back as the same number, in either language.
    for (const n of [1500.5, -25000000, 0.1, 1234567.0000001])
      for (const locale of ['fr', 'en'])
        expect(parseCell(formatCell(n, 'number', locale), 'number')).toEqual({ value: n });
    expect(formatCell(null, 'date', 'fr')).toBe('');
    expect(formatCell(true, 'boolean', 'fr')).toBe('true');
  });
});

describe('grid and rows', () => {
  it('round-trips rows through the grid', () => {
    const rows = [{ neq: '1145678901', creditLimit: 50000.25, onRena: false, since: '2019-04-01' }];
    const grid = rowsToGrid(rows, columns, 'fr', 7);
    expect(grid).toEqual([
      { uid: 7, cells: { neq: '1145678901', creditLimit: '50\u00a0000,25', onRena: 'false', since: '2019-04-01' } },
    ]);
    expect(gridToRows(grid, columns)).toEqual({ rows, problems: new Map() });
  });

  it('names each unreadable cell by its row id and column', () => {
    const grid = [
      { uid: 3, cells: { neq: 'a', creditLimit: 'beaucoup', onRena: '', since: '' } },
      { uid: 9, cells: { neq: 'b', creditLimit: '', onRena: '', since: '2020-13-01' } },
    ];
    const { problems } = gridToRows(grid, columns);
    expect([...problems.entries()]).toEqual([
      ['3/creditLimit', ['gabarit.reference_tables.cell_errors.number']],
      ['9/since', ['gabarit.reference_tables.cell_errors.date']],
    ]);
  });
});
