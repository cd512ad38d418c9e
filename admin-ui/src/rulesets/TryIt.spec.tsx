import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, renderConsole, ShowPage, type FakeAnswer } from '../common/testing/fake-api';
import { TryIt } from './TryIt';

const RULESET = '/api/v1/rulesets/fraude';
const ETAG = 'W/"rev-7"';
const ruleset = {
  id: 'fraude',
  key: 'fraude',
  name: 'Fraude',
  activeVersion: 1,
  draftVersion: 2,
  latestVersion: 2,
  versions: [
    { number: 1, status: 'published' },
    { number: 2, status: 'draft' },
  ],
};
const small = { name: 'petit montant', facts: { montant: 10 }, expectedEvents: [] };
const version2 = {
  number: 2,
  content: {
    inputSchema: { type: 'object', properties: { montant: { type: 'number' } } },
    definition: { rules: [] },
    tests: [small],
  },
};

/** The rule set (with its ETag), its draft version 2, and an evaluation that asks for a review. */
const routes = (putDraft: FakeAnswer) => ({
  [`GET ${RULESET}`]: { body: ruleset, headers: { ETag: ETAG } },
  [`GET ${RULESET}/versions/2`]: { body: version2 },
  [`POST ${RULESET}/evaluate`]: { body: { events: [{ type: 'revue' }], version: 2 } },
  [`PUT ${RULESET}/draft`]: putDraft,
});

// The form is drawn once the rule set and its version are read: slower when the machine is busy.
const LOADED = { timeout: 8000 };

const renderTryIt = () =>
  renderConsole(
    <ShowPage resource="rulesets" id="fraude">
      <TryIt />
    </ShowPage>,
  );

/** Evaluates the facts shown (the first test case's) as JSON, then asks to keep them as a case named `name`. */
async function keepAsCase(name: string) {
  fireEvent.click(await screen.findByRole('tab', { name: 'JSON' }));
  await waitFor(() =>
    expect(screen.getByRole('textbox', { name: 'Faits (JSON)' })).toHaveProperty('value', '{\n  "montant": 10\n}'),
  );
  fireEvent.click(screen.getByRole('button', { name: 'Évaluer' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Garder comme cas de test' }));
  const dialog = await screen.findByRole('dialog', { name: 'Garder comme cas de test' });
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'Nom du cas' }), { target: { value: name } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
  return dialog;
}

describe('Try it', () => {
  it('reads the chosen version through the data provider and starts from its first test case', async () => {
    const api = fakeApi(routes({ body: { draftVersion: 2 } }));
    renderTryIt();
    fireEvent.click(await screen.findByRole('tab', { name: 'JSON' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Faits (JSON)' })).toHaveProperty('value', '{\n  "montant": 10\n}'),
    );
    expect(api.to('GET', `${RULESET}/versions/2`)).toHaveLength(1);
  });

  it('says in French where facts typed as JSON stop being JSON, and sends nothing', async () => {
    const api = fakeApi(routes({ body: { draftVersion: 2 } }));
    renderTryIt();
    fireEvent.click(await screen.findByRole('tab', { name: 'JSON' }));
    const facts = await screen.findByRole('textbox', { name: 'Faits (JSON)' });
    fireEvent.change(facts, { target: { value: '{\n  "montant": 10,\n  devise: "CAD"\n}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Évaluer' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Les faits ne sont pas du JSON valide.');
    expect(alert.textContent).toContain('Ligne 3, colonne 3\u00a0: la syntaxe n’est pas respectée à cet endroit.');
    expect(alert.textContent).not.toMatch(/position|Expected/);
    expect(api.to('POST', `${RULESET}/evaluate`)).toHaveLength(0);
  });

  it('keeps the facts typed when another version is chosen, and takes away the outcome of the previous one', async () => {
    const api = fakeApi({
      ...routes({ body: { draftVersion: 2 } }),
      [`GET ${RULESET}/versions/1`]: { body: { ...version2, number: 1 } },
    });
    renderTryIt();
    fireEvent.click(await screen.findByRole('tab', { name: 'JSON' }));
    const facts = await screen.findByRole('textbox', { name: 'Faits (JSON)' });
    await waitFor(() => expect(facts).toHaveProperty('value', '{\n  "montant": 10\n}'));
    fireEvent.change(facts, { target: { value: '{ "montant": 2500 }' } });
    fireEvent.click(screen.getByRole('button', { name: 'Évaluer' }));
    await screen.findByRole('button', { name: 'Garder comme cas de test' });

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Version' }));
    fireEvent.click(await screen.findByRole('option', { name: /^Version 1/ }));
    await waitFor(() => expect(api.to('GET', `${RULESET}/versions/1`)).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Garder comme cas de test' })).toBeNull());
    expect(screen.getByRole('textbox', { name: 'Faits (JSON)' })).toHaveProperty('value', '{ "montant": 2500 }');
  });

  it('keeps the facts tried as a test case of the draft, saved with If-Match, then reads the rule set again', async () => {
    const api = fakeApi(routes({ body: { draftVersion: 2 } }));
    renderTryIt();
    await keepAsCase('revue demandée');
    expect(await screen.findByText('Cas de test ajouté au brouillon (version 2).')).toBeTruthy();
    const [put, ...others] = api.to('PUT', `${RULESET}/draft`);
    expect(others).toEqual([]);
    expect(put!.headers.get('If-Match')).toBe(ETAG);
    expect(put!.body).toEqual({
      tests: [small, { name: 'revue demandée', facts: { montant: 10 }, expectedEvents: ['revue'] }],
    });
    // Shown by the page, read by the save, and read again after it: the page shows the draft as it now is.
    await waitFor(() => expect(api.to('GET', RULESET)).toHaveLength(3));
  });

  it("refuses to overwrite a draft changed meanwhile: the API's 412 is said in words, and the dialog stays", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // react-admin logs each failed call
    const api = fakeApi(
      routes(
        apiError(412, 'stale_etag', 'The draft changed since you read it; reload it and apply your change again.'),
      ),
    );
    renderTryIt();
    const dialog = await keepAsCase('revue demandée');
    expect(
      await screen.findByText("Quelqu'un d'autre a modifié ce brouillon depuis que vous l'avez ouvert."),
    ).toBeTruthy();
    expect(api.to('PUT', `${RULESET}/draft`)).toHaveLength(1);
    expect(dialog.isConnected).toBe(true);
  });

  it('does not evaluate an invalid form: the previous outcome goes, the first wrong field takes the focus, and the button says why', async () => {
    const invoice = {
      number: 2,
      content: {
        inputSchema: {
          type: 'object',
          required: ['numero', 'montant'],
          properties: { numero: { type: 'string', title: 'Numéro' }, montant: { type: 'number', minimum: 0 } },
        },
        definition: { rules: [] },
        tests: [{ name: 'valide', facts: { numero: 'F-1', montant: 10 }, expectedEvents: ['revue'] }],
      },
    };
    const api = fakeApi({ ...routes({ body: {} }), [`GET ${RULESET}/versions/2`]: { body: invoice } });
    renderTryIt();
    const numero = await screen.findByRole('textbox', { name: /Numéro/ }, LOADED);
    await waitFor(() => expect(numero).toHaveProperty('value', 'F-1'), LOADED);
    const evaluate = screen.getByRole('button', { name: 'Évaluer' });
    fireEvent.click(evaluate);
    expect(await screen.findByText('revue', {}, LOADED)).toBeTruthy();

    fireEvent.change(numero, { target: { value: '' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: /montant/ }), { target: { value: '-5' } });
    fireEvent.click(evaluate);
    const summary = await screen.findByText(/Rien n’a été évalué\s*: le formulaire comporte 2 erreurs/, {}, LOADED);
    // Said right after the button, not only in the list at the top of a long form.
    expect(evaluate.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText('revue')).toBeNull();
    // Worded as the rest of the console words a missing value, its label in « »: ajv-i18n's « requiert la
    // propriété 'Numéro' » had its own quotes (which collided with « Date d'embauche »).
    expect(screen.getByText(/^«\sNuméro\s»\s:\sValeur obligatoire\.$/)).toBeTruthy();
    expect(screen.queryByText(/requiert la propriété/)).toBeNull();
    expect(document.activeElement).toBe(numero);
    expect(api.to('POST', `${RULESET}/evaluate`)).toHaveLength(1);

    // Corrected, the facts are evaluated and the summary goes.
    fireEvent.change(numero, { target: { value: 'F-2' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: /montant/ }), { target: { value: '5' } });
    fireEvent.click(evaluate);
    expect(await screen.findByText('revue', {}, LOADED)).toBeTruthy();
    expect(screen.queryByText(/Rien n’a été évalué/)).toBeNull();
    expect(api.to('POST', `${RULESET}/evaluate`)).toHaveLength(2);
  });

  it('names each item of a list after the list, not « Lignes-1 »', async () => {
    const withLines = {
      number: 2,
      content: {
        inputSchema: {
          type: 'object',
          properties: {
            lignes: {
              type: 'array',
              title: 'Lignes de la facture',
              description: 'Une ligne par article facturé',
              items: { type: 'object', properties: { montant: { type: 'number' } } },
            },
          },
        },
        definition: { rules: [] },
        tests: [{ name: 'deux lignes', facts: { lignes: [{ montant: 1 }, { montant: 2 }] }, expectedEvents: [] }],
      },
    };
    fakeApi({ ...routes({ body: {} }), [`GET ${RULESET}/versions/2`]: { body: withLines } });
    renderTryIt();
    expect(await screen.findByText('Lignes de la facture — élément 2', {}, LOADED)).toBeTruthy();
    expect(screen.getByText('Lignes de la facture — élément 1')).toBeTruthy();
    expect(screen.queryByText(/Lignes de la facture-\d/)).toBeNull();
    // Headings under the panel's h2, and a description that is no heading: the library drew h5 and h6.
    const headings = screen.getAllByRole('heading').map((h) => [h.tagName, h.textContent]);
    expect(headings.filter(([tag]) => tag === 'H5' || tag === 'H6')).toEqual([]);
    expect(headings).toContainEqual(['H3', 'Lignes de la facture — élément 1']);
    expect(screen.getByText('Une ligne par article facturé').closest('h1, h2, h3, h4, h5, h6')).toBeNull();
  });
});

describe('the decisions of an evaluation', () => {
  it('are each shown once, counted when several rules give them', async () => {
    fakeApi({
      ...routes({ body: {} }),
      [`POST ${RULESET}/evaluate`]: {
        body: {
          events: [{ type: 'request_correction' }, { type: 'request_correction' }, { type: 'manual_review' }],
          version: 2,
        },
      },
    });
    renderTryIt();
    fireEvent.click(await screen.findByRole('tab', { name: 'JSON' }, LOADED));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Faits (JSON)' })).toHaveProperty('value', '{\n  "montant": 10\n}'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Évaluer' }));
    // The same decision twice was two chips, pushing the others off the line.
    await screen.findByText('Correction demandée (request_correction) × 2');
    expect(screen.getAllByText(/^Correction demandée/)).toHaveLength(1);
    expect(screen.getByText(/^Transmise à un membre du personnel pour examen/)).toBeTruthy();
  });
});
