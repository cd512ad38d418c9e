import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, renderConsole, type FakeAnswer } from '../common/testing/fake-api';
import { RowsGrid } from './RowsGrid';
import { useReferenceTable } from './useReferenceTable';

const TABLE = '/api/v1/reference-tables/tarifs';
const table = (rev: number, prix: number) => ({
  id: 'tarifs',
  key: 'tarifs',
  name: 'Tarifs',
  keyColumn: 'code',
  columns: [
    { name: 'code', type: 'string' },
    { name: 'prix', type: 'number' },
  ],
  rows: [{ code: 'a', prix }],
  rowCount: 1,
  rev,
  updatedBy: 'analyste',
  updatedAt: '2025-03-01T10:00:00.000Z',
});
const read = (rev: number, prix: number): FakeAnswer => ({ body: table(rev, prix), headers: { ETag: `"${rev}"` } });

const noop = () => undefined;
/** The show page's wiring: the table with its ETag, the grid saving with it and reloading it after a 412. */
const Editor = () => {
  const { loaded, reload, setLoaded } = useReferenceTable('tarifs');
  if (!loaded) return null;
  return (
    <RowsGrid key={loaded.etag} loaded={loaded} editable onSaved={setLoaded} onDirtyChange={noop} reload={reload} />
  );
};

const setPrice = async (text: string) => {
  fireEvent.change(await screen.findByRole('textbox', { name: 'prix, ligne 1' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les lignes' }));
};

describe('reference table rows', () => {
  it('saves the rows with the ETag read, and goes on with the one the save answered', async () => {
    const api = fakeApi({ [`GET ${TABLE}`]: read(3, 1), [`PUT ${TABLE}/rows`]: read(4, 2) });
    renderConsole(<Editor />);
    await setPrice('2');
    expect(await screen.findByText('Lignes enregistrées : la table compte 1 ligne.')).toBeTruthy();
    await setPrice('5');
    await waitFor(() => expect(api.to('PUT', `${TABLE}/rows`)).toHaveLength(2));
    const [first, second] = api.to('PUT', `${TABLE}/rows`);
    expect(first!.headers.get('If-Match')).toBe('"3"');
    expect(first!.body).toEqual({ rows: [{ code: 'a', prix: 2 }] });
    expect(second!.headers.get('If-Match')).toBe('"4"');
  });

  it('puts the keyboard in the new row’s first cell when a row is added', async () => {
    fakeApi({ [`GET ${TABLE}`]: read(3, 1) });
    renderConsole(<Editor />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter une ligne' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'code, ligne 2' })));
  });

  it('shows the table’s rows again after a row added on a new page is cancelled, the keyboard on « Ajouter »', async () => {
    const many = { ...table(3, 1), rows: Array.from({ length: 25 }, (_, i) => ({ code: `c${i}`, prix: i })) };
    fakeApi({ [`GET ${TABLE}`]: { body: many, headers: { ETag: '"3"' } } });
    renderConsole(<Editor />);
    const add = await screen.findByRole('button', { name: 'Ajouter une ligne' });
    fireEvent.click(add);
    // The new row is alone on a second page.
    expect(await screen.findByRole('textbox', { name: 'code, ligne 26' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Annuler les modifications' }));
    // The one page of 25 rows, not an empty second page under « 1-25 sur 25 ».
    expect(await screen.findByRole('textbox', { name: 'code, ligne 25' })).toBeTruthy();
    expect(screen.getByText(/1-25 sur 25/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(add));
  });

  it('moves the keyboard to the row that takes a removed row’s place, and says it was removed', async () => {
    const three = { ...table(3, 1), rows: ['a', 'b', 'c'].map((code, i) => ({ code, prix: i })) };
    fakeApi({ [`GET ${TABLE}`]: { body: three, headers: { ETag: '"3"' } } });
    renderConsole(<Editor />);
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer la ligne 2' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Supprimer la ligne 2' })),
    );
    expect((screen.getByRole('textbox', { name: 'code, ligne 2' }) as HTMLInputElement).value).toBe('c');
    expect(screen.getByRole('status').textContent).toMatch(/^Ligne 2 \(«\s?b\s?»\) retirée/);
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer la ligne 2' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Supprimer la ligne 1' })),
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Ligne 2 \(«\s?c\s?»\) retirée/);
  });

  it('says when someone else changed the table (412), and reloads their version with its ETag on request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // react-admin logs each failed call
    let reads = 0;
    const api = fakeApi({
      [`GET ${TABLE}`]: () => (reads++ === 0 ? read(3, 1) : read(5, 9)),
      [`PUT ${TABLE}/rows`]: apiError(412, 'stale_etag', 'The table changed since you read it.'),
    });
    renderConsole(<Editor />);
    await setPrice('2');
    expect(await screen.findByText(/Quelqu’un d’autre a modifié cette table/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Recharger la table' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'prix, ligne 1' })).toHaveProperty('value', '9'));
    await setPrice('3');
    await waitFor(() => expect(api.to('PUT', `${TABLE}/rows`)).toHaveLength(2));
    expect(api.to('PUT', `${TABLE}/rows`).map((call) => call.headers.get('If-Match'))).toEqual(['"3"', '"5"']);
  });
});
