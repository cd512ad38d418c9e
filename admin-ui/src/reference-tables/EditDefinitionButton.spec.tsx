import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, renderConsole } from '../common/testing/fake-api';
import { EditDefinitionButton } from './EditDefinitionButton';
import type { LoadedTable } from './useReferenceTable';

const loaded = {
  table: {
    key: 'taux',
    name: 'Taux de taxes',
    keyColumn: 'code',
    columns: [
      { name: 'code', type: 'string' },
      { name: 'tuax', type: 'string', required: true },
    ],
    rows: [{ code: 'TPS', tuax: '5' }],
    rowCount: 1,
    rev: 3,
    updatedBy: 'analyst',
    updatedAt: '2026-12-07T10:00:00.000Z',
  },
  etag: '"reference_table:taux:r3"',
} as unknown as LoadedTable;

const PATH = '/api/v1/reference-tables/taux/definition';

async function openDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'Modifier la définition' }));
  return screen.findByRole('dialog', { name: /^Définition de la table «\s?Taux de taxes\s?»$/ });
}

describe('a reference table’s definition', () => {
  it('renames a column (its values kept), retypes it, adds one, with If-Match, and hands back the table', async () => {
    const api = fakeApi({
      [`PUT ${PATH}`]: { body: { ...loaded.table, name: 'Taux' }, headers: { etag: '"reference_table:taux:r4"' } },
    });
    let saved: LoadedTable | undefined;
    renderConsole(<EditDefinitionButton loaded={loaded} blocked={false} onSaved={(next) => (saved = next)} />, [
      'analyst',
    ]);
    const dialog = await openDialog();
    const column2 = within(dialog).getByRole('group', { name: 'Colonne 2' });
    fireEvent.change(within(column2).getByRole('textbox', { name: /Nom de la colonne/ }), {
      target: { value: 'taux' },
    });
    expect(within(column2).getByText(/^Renommée \(était «\s?tuax\s?»\)$/)).toBeTruthy();
    fireEvent.mouseDown(within(column2).getByRole('combobox', { name: /Type/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'nombre' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajouter une colonne' }));
    const column3 = within(dialog).getByRole('group', { name: 'Colonne 3' });
    fireEvent.change(within(column3).getByRole('textbox', { name: /Nom de la colonne/ }), {
      target: { value: 'province' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Nom\s*\*?$/ }), { target: { value: 'Taux' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la définition' }));
    await waitFor(() => expect(saved?.etag).toBe('"reference_table:taux:r4"'));
    const [call] = api.to('PUT', PATH);
    expect(call!.headers.get('if-match')).toBe('"reference_table:taux:r3"');
    expect(call!.body).toEqual({
      name: 'Taux',
      keyColumn: 'code',
      columns: [
        { name: 'code', type: 'string' },
        { name: 'taux', type: 'number', required: true, renamedFrom: 'tuax' },
        { name: 'province', type: 'string' },
      ],
    });
    expect(await screen.findByText(/^Définition de la table «\s?Taux\s?» enregistrée\.$/)).toBeTruthy();
  });

  it('says which column holds a value that does not fit, and why rule sets keep the columns', async () => {
    const answers = [
      apiError(400, 'validation_failed', '1 value(s) of the rows do not fit the new columns; nothing was changed.', [
        {
          path: '/columns/1',
          message: 'row "TPS": must be a boolean',
          keyword: 'cellType',
          params: { type: 'boolean', rowKey: 'TPS' },
        },
      ]),
      apiError(409, 'table_in_use', 'Rule sets read this table’s columns.', [
        {
          path: '/columns',
          message: 'are read by taxes-factures',
          keyword: 'readers',
          params: { readers: 'taxes-factures' },
        },
      ]),
    ];
    fakeApi({ [`PUT ${PATH}`]: () => answers.shift()! });
    renderConsole(<EditDefinitionButton loaded={loaded} blocked={false} onSaved={() => undefined} />, ['analyst']);
    const dialog = await openDialog();
    const save = within(dialog).getByRole('button', { name: 'Enregistrer la définition' });
    fireEvent.click(save);
    const value = await within(dialog).findByRole('alert');
    expect(value.textContent).toMatch(/Colonne 2 \(«\s?tuax\s?»\)/);
    expect(value.textContent).toMatch(/Ligne «\s?TPS\s?»\s?: Doit être oui ou non\./);
    // Said on the column too, as the alert promises: its name field is marked and tells why.
    const column = within(dialog).getByRole('group', { name: 'Colonne 2' });
    const name = within(column).getByRole('textbox', { name: /Nom de la colonne/ });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /Doit être oui ou non/,
    );
    fireEvent.click(save);
    await waitFor(() =>
      expect(within(dialog).getByRole('alert').textContent).toMatch(
        /Des ensembles de règles lisent les colonnes de cette table/,
      ),
    );
    const alert = within(dialog).getByRole('alert');
    expect(alert.textContent).toContain('taxes-factures');
    // The dialog stays open with what was typed.
    expect(within(dialog).getByRole('textbox', { name: /^Nom\s*\*?$/ })).toHaveProperty('value', 'Taux de taxes');
  });

  it('waits while rows are being edited: the grid would lose them', async () => {
    fakeApi({});
    renderConsole(<EditDefinitionButton loaded={loaded} blocked onSaved={() => undefined} />, ['analyst']);
    expect((await screen.findByRole('button', { name: 'Modifier la définition' })).hasAttribute('disabled')).toBe(true);
  });
});
