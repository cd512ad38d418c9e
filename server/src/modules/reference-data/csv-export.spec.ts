import { describe, expect, it } from '@jest/globals';
import { readCsv } from './csv-reader.js';
import { checkRows } from './rows.js';
import { tableCsv } from './csv-export.js';
import type { ReferenceTable } from './reference-table.js';

const table: Pick<ReferenceTable, 'columns' | 'rows' | 'keyColumn'> = {
  keyColumn: 'code',
  columns: [
    { name: 'code', type: 'string' },
    { name: 'rate', type: 'number' },
    { name: 'active', type: 'boolean' },
    { name: 'since', type: 'date' },
  ],
  rows: [
    { code: 'qst', rate: 9.975, active: true, since: '2013-01-01' },
    { code: 'tiny', rate: 0.0000001, active: false, since: null },
    { code: 'neg', rate: -5, active: null, since: '1900-01-01' },
    { code: 'Café; "le" coin', rate: 1e20, active: true, since: null },
    { code: '=HYPERLINK("x")', rate: null, active: false, since: null },
  ],
};

/** A table of free texts, one row per note, keyed r0, r1… */
const notesTable = (notes: string[]) => ({
  keyColumn: 'id',
  columns: [
    { name: 'id', type: 'string' as const },
    { name: 'note', type: 'string' as const },
  ],
  rows: notes.map((note, i) => ({ id: `r${i}`, note })),
});

describe('reference table CSV export', () => {
  it('writes what a French spreadsheet opens, which the import reads back to the same rows', async () => {
    const text = await tableCsv(table);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '\uFEFFcode;rate;active;since',
      'qst;9,975;oui;2013-01-01',
      'tiny;0,0000001;non;',
      'neg;-5;;1900-01-01',
    ]);
    const { records, lines, delimiter } = await readCsv(text.slice(1), table);
    const { rows, problems } = await checkRows(table, records, true, undefined, undefined, delimiter === ',');
    expect([lines.length, problems]).toEqual([5, []]);
    expect(rows.slice(0, 4)).toEqual(table.rows.slice(0, 4));
    expect(rows[3]!['rate']).toBe(1e20);
    // A text a spreadsheet would run is written with a quote that keeps it text there, and read back without it.
    expect(text).toContain('\'=HYPERLINK(""x"")');
    expect(rows[4]!['code']).toBe('=HYPERLINK("x")');
  });

  it('quotes every text a spreadsheet would run, a minus before digits included, and leaves negative numbers be', async () => {
    const notes = notesTable([
      "-2+3+cmd|' /C calc'!A0",
      '-1+1',
      '-A1',
      '+1',
      '@SUM(A1)',
      '-5',
      '-1 000,50',
      '-12.5',
      'a-1+1',
    ]);
    const lines = (await tableCsv(notes)).split('\n').slice(1, -1);
    const written = lines.map((line) =>
      line
        .slice(line.indexOf(';') + 1)
        .replace(/^"(.*)"$/, '$1')
        .replace(/""/g, '"'),
    );
    expect(written).toEqual([
      "'-2+3+cmd|' /C calc'!A0",
      "'-1+1",
      "'-A1",
      "'+1",
      "'@SUM(A1)",
      '-5',
      '-1 000,50',
      '-12.5',
      'a-1+1',
    ]);
  });

  it('reads its own export back to the same texts, those it quoted and those that start with a quote', async () => {
    const notes = notesTable(['=1+1', "'=1+1", "''+2", "'ordinaire", "l'apostrophe", '-3+4', '-12,5']);
    const text = await tableCsv(notes);
    const { records, delimiter } = await readCsv(text.slice(1), notes);
    const { rows } = await checkRows(notes, records, true, undefined, undefined, delimiter === ',');
    expect(rows.map((row) => row['note'])).toEqual(notes.rows.map((row) => row.note));
  });
});
