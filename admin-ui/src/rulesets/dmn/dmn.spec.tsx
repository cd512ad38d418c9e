import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, renderConsole } from '../../common/testing/fake-api';
import { ExportDmnButton } from './ExportDmnButton';
import { ImportDmnButton } from './ImportDmnButton';

const IMPORT = '/api/v1/rulesets/import/dmn';
const XML =
  '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision name="Remises"/></definitions>';

/** Opens the import dialog, chooses the file, fills the key and imports. */
async function importFile(key: string) {
  fireEvent.click(await screen.findByRole('button', { name: 'Importer un fichier DMN' }));
  const dialog = await screen.findByRole('dialog', { name: 'Importer une table de décision DMN' });
  fireEvent.change(within(dialog).getByLabelText('Fichier DMN'), {
    target: { files: [new File([XML], 'remises.dmn', { type: 'application/xml' })] },
  });
  await within(dialog).findByText('remises.dmn');
  fireEvent.change(within(dialog).getByRole('textbox', { name: /Clé/ }), { target: { value: key } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Importer' }));
  return dialog;
}

describe('DMN import', () => {
  it('sends the file as XML with its key and pilot, and lists each cell the service cannot map', async () => {
    const api = fakeApi({
      [`POST ${IMPORT}`]: apiError(400, 'dmn_unmappable', 'The DMN file cannot be mapped', [
        {
          path: '/definitions/decision/0/decisionTable/rule/1/inputEntry/0',
          message: 'rule r2, input 1 ("["a".."m"]"): a range ([a..b]) maps only with a number at each end',
          keyword: 'dmn',
          params: { reason: 'range_numbers', text: '["a".."m"]' },
        },
        {
          // A reason this console does not know: the API's English, marked as English.
          path: '/definitions/decision/0/decisionTable/rule/3/inputEntry/1',
          message: 'rule "r4": date("2024-01-01") is a function',
        },
      ]),
    });
    renderConsole(<ImportDmnButton />);
    const dialog = await importFile('remises');

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Le fichier DMN contient des éléments qui ne peuvent pas être convertis');
    const items = within(alert).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Règle 2, entrée 1 — «\u00a0["a".."m"]\u00a0»\u00a0: un intervalle ([a..b]) ne se convertit qu’avec un nombre à chaque borne' +
        '/definitions/decision/0/decisionTable/rule/1/inputEntry/0',
      'Règle 4, entrée 2 — rule "r4": date("2024-01-01") is a function' +
        '/definitions/decision/0/decisionTable/rule/3/inputEntry/1',
    ]);
    expect(
      within(items[0]!)
        .queryByText(/intervalle/)
        ?.getAttribute('lang'),
    ).toBeNull();
    expect(
      within(items[1]!)
        .getByText(/is a function/)
        .getAttribute('lang'),
    ).toBe('en');

    const [call] = api.to('POST', `${IMPORT}?key=remises&pilot=invoices`);
    // The file's own bytes: the service, not the browser, decides whether they are UTF-8.
    expect(call?.body).toBeInstanceOf(Blob);
    const sent = await new Promise<string>((resolve) => {
      const reader = new FileReader(); // jsdom's Blob has no text()
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(call!.body as Blob);
    });
    expect(sent).toBe(XML);
    expect(call?.headers.get('content-type')).toBe('application/xml');
  });

  it('says in French that a file is not well-formed XML, and where', async () => {
    fakeApi({
      [`POST ${IMPORT}`]: apiError(400, 'invalid_xml', 'The body is not well-formed XML.', [
        {
          path: '/',
          message: "line 1, column 1: char 't' is not expected.",
          keyword: 'syntax',
          params: { line: 1, column: 1 },
        },
      ]),
    });
    renderConsole(<ImportDmnButton />);
    const dialog = await importFile('remises');
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(
      "Le fichier n'est pas du XML bien formé. Ligne 1, colonne 1\u00a0: la syntaxe n’est pas respectée à cet endroit.",
    );
  });

  it('announces the draft it created', async () => {
    fakeApi({ [`POST ${IMPORT}`]: { status: 201, body: { id: 'remises', key: 'remises', draftVersion: 1 } } });
    renderConsole(<ImportDmnButton />);
    await importFile('remises');
    await screen.findByText(/Table DMN importée\s*: brouillon version 1 de «\s*remises\s*»\./);
  });

  it('is offered to analysts only', async () => {
    fakeApi({});
    renderConsole(<ImportDmnButton />, ['approver']);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Importer un fichier DMN' })).toBeNull());
  });
});

describe('DMN export', () => {
  it('downloads the version’s XML as the file the API names', async () => {
    const api = fakeApi({
      'GET /api/v1/rulesets/remises/versions/2/dmn': {
        text: XML,
        headers: { 'Content-Disposition': 'attachment; filename="remises-v2.dmn"' },
      },
    });
    const saved: { name: string; text: string }[] = [];
    // jsdom has no object URLs: the Blob handed to one is read back here.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        const reader = new FileReader();
        reader.onload = () => saved.push({ name: '', text: String(reader.result) });
        reader.readAsText(blob);
        return 'blob:dmn';
      },
      revokeObjectURL: () => undefined,
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, text: '' });
    });
    renderConsole(<ExportDmnButton rulesetKey="remises" version={2} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Exporter en DMN' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved.map((s) => s.name || s.text).sort()).toEqual([XML, 'remises-v2.dmn'].sort());
    expect(api.to('GET', '/api/v1/rulesets/remises/versions/2/dmn')[0]?.headers.get('accept')).toBe('application/xml');
    click.mockRestore();
  });
});
