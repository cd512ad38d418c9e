import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import invoices from '../../../rulesets/invoices/invoices.json';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { SERVER_VOCABULARY } from './editor/vocabulary.fixture';
import { rulesets } from '.';

const RULESET = '/api/v1/rulesets/invoices';
// The invoice pilot as shipped, published as version 1 with no draft: what an analyst opens first.
const record = {
  id: 'invoices',
  key: 'invoices',
  name: invoices.name,
  format: invoices.format,
  activeVersion: 1,
  draftVersion: null,
  latestVersion: 1,
  versions: [{ number: 1, status: 'published', authors: ['analyste'] }],
};
const { key: _key, name: _name, pilot: _pilot, format: _format, description: _description, ...content } = invoices;

/** The reference tables as the list answers them: the four the invoice pilot's lookups read, unless said. */
const tablesAnswer = (
  tables = ['amp-thresholds', 'purchase-order-lines', 'purchase-orders', 'supplier-registrations'],
) => ({
  body: tables.map((key) => ({
    id: key,
    key,
    columns: [{ name: 'key' }, ...(key === 'purchase-order-lines' ? [{ name: 'poNumber' }] : [])],
  })),
  headers: { 'Content-Range': `reference-tables 0-${tables.length - 1}/${tables.length}` },
});

const routes = {
  [`GET ${RULESET}`]: { body: record, headers: { ETag: 'W/"rev-1"' } },
  'GET /api/v1/reference-tables': tablesAnswer(),
  [`GET ${RULESET}/versions/1`]: { body: { number: 1, content } },
  [`GET ${RULESET}/versions/1/analysis`]: { body: { findings: [], checked: [], checkedText: [], notChecked: [] } },
  'GET /api/v1/schemas/rulesets': { body: SERVER_VOCABULARY },
};

// The editor as its route shows it, to an analyst (ForAnalysts lets them through).
const Editor = rulesets.edit;
const renderEditor = () =>
  renderConsole(
    <ResourceContextProvider value="rulesets">
      <RecordContextProvider value={{ id: 'invoices' }}>
        <Editor />
      </RecordContextProvider>
    </ResourceContextProvider>,
  );

afterEach(() => {
  localStorage.clear();
});

describe('the rule-set editor on a clean pilot', () => {
  it('reports no problem on the invoice rules as shipped, paths into computed facts and lookups included', async () => {
    fakeApi(routes);
    renderEditor();
    await screen.findByRole('button', { name: 'Enregistrer' }, { timeout: 8000 });
    // The pilot tests paths inside derived facts (duplicates.length, supplierStatus.neq): they were the false alarms.
    expect(JSON.stringify(invoices.definition)).toContain('"path":"$.length"');
    await waitFor(() => expect(screen.getAllByText(/L’analyse ne trouve aucun problème/i).length).toBeGreaterThan(0), {
      timeout: 8000,
    });
    expect(document.body.textContent).not.toContain('n’est pas dans le schéma des faits');
    expect(screen.queryByText(/\d+ problèmes?$/)).toBeNull();
  });
});

describe('lookups of tables that are not there', () => {
  it('says which lookup will find no row: its table does not exist, or has not the column it searches', async () => {
    fakeApi({ ...routes, 'GET /api/v1/reference-tables': tablesAnswer(['purchase-orders', 'supplier-registrations']) });
    renderEditor();
    const missing = await screen.findByText(
      /La consultation « ampThreshold » lit la table « amp-thresholds »/,
      undefined,
      {
        timeout: 8000,
      },
    );
    expect(missing.textContent).toMatch(/qui n’existe pas\s: elle ne trouvera aucune ligne/);
    expect(
      screen.getByText(/La consultation « purchaseOrderLines » lit la table « purchase-order-lines »/),
    ).toBeTruthy();
    expect(document.body.textContent).not.toContain('« supplierStatus »');
  });

  it('names a column the table lacks, and says nothing when every table and column is there', async () => {
    const lines = tablesAnswer();
    (lines.body[1]!.columns as { name: string }[]).pop(); // purchase-order-lines without poNumber
    fakeApi({ ...routes, 'GET /api/v1/reference-tables': lines });
    renderEditor();
    await screen.findByText(
      /cherche dans la colonne « poNumber », que la table « purchase-order-lines » n’a pas/,
      undefined,
      {
        timeout: 8000,
      },
    );
    cleanup();
    fakeApi(routes);
    renderEditor();
    await screen.findByRole('button', { name: 'Enregistrer' }, { timeout: 8000 });
    await waitFor(() => expect(screen.getAllByText(/L’analyse ne trouve aucun problème/i).length).toBeGreaterThan(0), {
      timeout: 8000,
    });
    expect(document.body.textContent).not.toMatch(/ne trouvera aucune ligne/);
  });
});

describe('a value box whose text cannot be read', () => {
  it('holds Save, and says why, until the text is a value again: it had saved the value from before', async () => {
    fakeApi(routes);
    renderEditor();
    const save = await screen.findByRole('button', { name: 'Enregistrer' }, { timeout: 8000 });
    fireEvent.click(screen.getAllByRole('button', { expanded: false })[0]!); // the first rule opens
    const priority = (await screen.findAllByLabelText('Priorité'))[0]!;
    fireEvent.change(priority, { target: { value: '' } });
    await waitFor(() => expect(save).toHaveProperty('disabled', true));
    expect(screen.getByRole('status').textContent).toMatch(/n’a pas pu être lue/);
    fireEvent.change(priority, { target: { value: '7' } });
    await waitFor(() => expect(save).toHaveProperty('disabled', false));
    expect(screen.queryByText(/n’a pas pu être lue/)).toBeNull();
    // A priority the server refuses is said on the field as it is typed, once, and holds Save: -5 was saved and
    // came back as « doit être >= 1 », 2.5 was told to « write a number (such as 12.5) ».
    for (const typed of ['-5', '2.5', '1001']) {
      fireEvent.change(priority, { target: { value: typed } });
      await waitFor(() => expect(save).toHaveProperty('disabled', true));
      expect(screen.getByText(/^Un nombre entier de 1 à 1000/)).toBeTruthy();
      expect(document.body.textContent).not.toMatch(/Cette comparaison porte sur un nombre/);
    }
    fireEvent.change(priority, { target: { value: '50' } });
    await waitFor(() => expect(save).toHaveProperty('disabled', false));
  });

  it('holds Save while a decision’s parameters are not a JSON object: they were dropped and the save said done', async () => {
    fakeApi(routes);
    renderEditor();
    const save = await screen.findByRole('button', { name: 'Enregistrer' }, { timeout: 8000 });
    fireEvent.click(screen.getAllByRole('button', { expanded: false })[0]!); // the first rule opens
    fireEvent.change((await screen.findAllByLabelText('Priorité'))[0]!, { target: { value: '7' } }); // a change
    await waitFor(() => expect(save).toHaveProperty('disabled', false));
    const params = (await screen.findAllByLabelText('Paramètres de la décision (JSON)'))[0]!;
    fireEvent.change(params, { target: { value: '{"level": "director"' } });
    await waitFor(() => expect(save).toHaveProperty('disabled', true));
    expect(screen.getByRole('status').textContent).toMatch(/n’a pas pu être lue/);
    fireEvent.change(params, { target: { value: '{"level": "director"}' } });
    await waitFor(() => expect(save).toHaveProperty('disabled', false));
  });

  it('says the draft was saved, and as which version', async () => {
    let saved = false;
    const drafted = { ...record, draftVersion: 2, latestVersion: 2 };
    fakeApi({
      ...routes,
      [`GET ${RULESET}`]: () => ({ body: saved ? drafted : record, headers: { ETag: `W/"rev-${saved ? 2 : 1}"` } }),
      [`GET ${RULESET}/versions/2`]: { body: { number: 2, content } },
      [`GET ${RULESET}/versions/2/analysis`]: { body: { findings: [], checked: [], checkedText: [], notChecked: [] } },
      [`PUT ${RULESET}/draft`]: () => {
        saved = true;
        return { body: drafted, headers: { ETag: 'W/"rev-2"' } };
      },
    });
    renderEditor();
    const save = await screen.findByRole('button', { name: 'Enregistrer' }, { timeout: 8000 });
    fireEvent.click(screen.getAllByRole('button', { expanded: false })[0]!);
    fireEvent.change((await screen.findAllByLabelText('Priorité'))[0]!, { target: { value: '7' } });
    await waitFor(() => expect(save).toHaveProperty('disabled', false));
    fireEvent.click(save);
    expect(await screen.findByText('Brouillon enregistré (version 2).', {}, { timeout: 8000 })).toBeTruthy();
  }, 20_000);
});
