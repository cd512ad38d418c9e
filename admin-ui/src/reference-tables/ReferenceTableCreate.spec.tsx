import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, renderConsole } from '../common/testing/fake-api';
import { ReferenceTableCreate } from './ReferenceTableCreate';

const created = {
  id: 'tarifs',
  key: 'tarifs',
  name: 'Tarifs',
  keyColumn: 'code',
  columns: [{ name: 'code', type: 'string' }],
  rows: [],
  rowCount: 0,
  rev: 1,
  updatedBy: 'analyste',
  updatedAt: '2025-03-01T10:00:00.000Z',
};

/** Types a key, a name and one column, makes it the key column, and saves. */
async function fillAndSave() {
  fireEvent.change(await screen.findByRole('textbox', { name: /^Clé( \*)?$/ }), { target: { value: 'tarifs' } });
  fireEvent.change(screen.getByRole('textbox', { name: /^Nom( \*)?$/ }), { target: { value: 'Tarifs' } });
  fireEvent.change(screen.getByRole('textbox', { name: /^Nom de la colonne/ }), { target: { value: 'code' } });
  fireEvent.mouseDown(screen.getByRole('combobox', { name: /^Colonne clé/ }));
  fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: 'code' }));
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
}

const renderCreate = () =>
  renderConsole(
    <ResourceContextProvider value="reference-tables">
      <ReferenceTableCreate />
    </ResourceContextProvider>,
  );

describe('ReferenceTableCreate', () => {
  it("creates the table with react-admin's create: POST /api/v1/reference-tables with what the form says", async () => {
    const api = fakeApi({
      'POST /api/v1/reference-tables': { status: 201, body: created },
      'GET /api/v1/reference-tables/tarifs': { body: created },
    });
    renderCreate();
    await fillAndSave();
    expect(await screen.findByText(/^Table «\sTarifs\s» créée\.$/)).toBeTruthy();
    expect(api.to('POST', '/api/v1/reference-tables').map((call) => call.body)).toEqual([
      { key: 'tarifs', name: 'Tarifs', keyColumn: 'code', columns: [{ name: 'code', type: 'string' }] },
    ]);
  });

  it("shows the API's refusal above the form and on its field, in French", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // react-admin logs each failed call
    fakeApi({
      'POST /api/v1/reference-tables': apiError(409, 'key_taken', 'This key is taken.', [
        { path: '/key', message: 'is already taken', keyword: 'taken', params: {} },
      ]),
    });
    renderCreate();
    await fillAndSave();
    expect(await screen.findByText(/^Cette clé est déjà utilisée\./)).toBeTruthy();
    const key = screen.getByRole('textbox', { name: /^Clé( \*)?$/ });
    await waitFor(() => expect(key.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(key.getAttribute('aria-describedby')!)!.textContent).toContain(
      'valeur déjà utilisée',
    );
  });
});
