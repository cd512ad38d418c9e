import { describe, expect, it } from '@jest/globals';
import { ambiguousComma, convertCell } from './cells.js';

// What a cell of a CSV import (text) is read as, by its column's type.
describe('reference-table cells', () => {
  it('takes real calendar days from 1900 to 9999, and refuses days that do not exist', () => {
    for (const day of ['1900-01-01', '2024-02-29', '2000-02-29', '2020-12-31', '9999-12-31'])
      expect(convertCell(day, 'date', true)).toBe(day);
    for (const day of [
      '2020-02-30',
      '2023-02-29',
      '1900-02-29',
      '2020-04-31',
      '2020-13-01',
      '2020-00-10',
      '2020-01-00',
    ])
      expect(convertCell(day, 'date', true)).toBeUndefined();
    // Year 0000 is no year of the calendar; 0202 is a typo for 2020 more often than a date of the year 202.
    for (const day of ['0000-01-01', '0202-01-01', '1899-12-31', '20200-01-01', '2020-1-01', '01/02/2020'])
      expect(convertCell(day, 'date', true)).toBeUndefined();
  });

  it('reads booleans in French and in English, whatever their case', () => {
    for (const word of ['oui', 'vrai', 'VRAI', 'yes', 'true', 'TRUE', '1', ' Oui '])
      expect(convertCell(word, 'boolean', true)).toBe(true);
    for (const word of ['non', 'faux', 'Faux', 'no', 'false', '0'])
      expect(convertCell(word, 'boolean', true)).toBe(false);
    for (const word of ['peut-être', 'o', 'v', '2']) expect(convertCell(word, 'boolean', true)).toBeUndefined();
    // JSON rows carry real booleans: a word there is a mistake.
    expect(convertCell('oui', 'boolean', false)).toBeUndefined();
  });

  it('reads French numbers from text, and leaves an empty cell empty', () => {
    expect(convertCell('1 234,56', 'number', true)).toBe(1234.56);
    expect(convertCell('', 'number', true)).toBeNull();
    expect(convertCell('abc', 'number', true)).toBeUndefined();
  });

  it('refuses « 1,000 » from a file separated by commas, a French 1 and an English 1000, and reads the decimals no one could take for thousands', () => {
    for (const text of ['1,000', '12,500', '-999,999', ' 1,000 '])
      expect(convertCell(text, 'number', true, true)).toBeUndefined();
    expect(ambiguousComma('12,500')).toBe(true);
    // Separated by semicolons, a French spreadsheet's: the comma is the decimal point (9,975 is the QST rate).
    expect(convertCell('9,975', 'number', true)).toBe(9.975);
    for (const [text, value] of [
      ['1,5', 1.5],
      ['0,125', 0.125],
      ['1 234,567', 1234.567],
      ['1234,567', 1234.567],
      ['1,0000', 1],
      ['1000', 1000],
      ['12.5', 12.5],
    ] as const)
      expect(convertCell(text, 'number', true, true)).toBe(value);
  });

  it('refuses an integer with more digits than a number holds exactly, rather than keep another number', () => {
    expect(convertCell('9007199254740993', 'number', true)).toBeUndefined();
    expect(convertCell('9 007 199 254 740 993', 'number', true)).toBeUndefined();
    expect(convertCell('9007199254740992', 'number', true)).toBe(9007199254740992);
    expect(convertCell('12345678901234567,5', 'number', true)).toBe(Number('12345678901234567.5'));
  });

  it('refuses a number too large to represent, as a cell that is not a number (it was a 500 on import)', () => {
    expect(convertCell('9'.repeat(309), 'number', true)).toBeUndefined();
    // Written out in full, such a number is no longer the one kept (see the next test): refused too.
    expect(convertCell('9'.repeat(308), 'number', true)).toBeUndefined();
    expect(convertCell(`${'9'.repeat(300)}.5`, 'number', true)).toBe(Number(`${'9'.repeat(300)}.5`));
  });
});
