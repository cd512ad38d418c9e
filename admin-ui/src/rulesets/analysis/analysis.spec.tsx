import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderConsole, type FakeAnswer } from '../../common/testing/fake-api';
import { SERVER_VOCABULARY } from '../editor/vocabulary.fixture';
import { VersionButtons } from '../../common/lifecycle/VersionButtons';
import { RulesetEdit } from '../RulesetEdit';
import { useAnalysisSubmitBlock, type Analysis } from './analysis-model';

const RULESET = '/api/v1/rulesets/remises';
const ruleset = {
  id: 'remises',
  key: 'remises',
  name: 'Remises',
  format: 'decisionTable',
  activeVersion: 1,
  draftVersion: 2,
  latestVersion: 2,
  versions: [
    { number: 1, status: 'published', authors: ['analyste'] },
    { number: 2, status: 'draft', authors: ['analyste'] },
  ],
};
const version2 = {
  number: 2,
  content: {
    inputSchema: {
      type: 'object',
      required: ['commande'],
      properties: { commande: { type: 'object', properties: { total: { type: 'number' } } } },
    },
    definition: {
      hitPolicy: 'unique',
      inputs: [{ id: 'total', label: 'Total', fact: 'commande', path: '$.total' }],
      rows: [
        { id: 'petite', cells: { total: { operator: 'lessThan', value: 100 } }, event: { type: 'aucune' } },
        { id: 'moyenne', cells: { total: { operator: 'lessThan', value: 500 } }, event: { type: 'cinq_pour_cent' } },
      ],
    },
    tests: [],
  },
};
/** A planted overlap under `unique` (an error: it blocks submission), and a question the analysis could not decide. */
const withOverlap: Analysis = {
  findings: [
    {
      kind: 'overlap',
      severity: 'error',
      path: '/definition/rows/1',
      message: 'rows "petite" and "moyenne" can both match one input; under unique, at most one row may match',
      text: {
        fr: 'les lignes «\u00a0petite\u00a0» et «\u00a0moyenne\u00a0» peuvent correspondre à une même entrée\u202f; une seule ligne peut correspondre selon la politique du tableau',
        en: 'rows "petite" and "moyenne" can both match one input; under unique, at most one row may match',
      },
    },
  ],
  checked: ['table rows that can never match, overlapping rows, rows shadowed by earlier ones (first)'],
  checkedText: [
    {
      fr: 'les lignes qui ne peuvent jamais correspondre, les lignes qui se chevauchent, les lignes masquées par des lignes précédentes (première ligne qui correspond)',
      en: 'table rows that can never match, overlapping rows, rows shadowed by earlier ones (first)',
    },
  ],
  notChecked: [
    {
      path: '/definition/rows/0',
      reason: 'whether earlier rows shadow row "petite" is not decided: the operator matches is not modelled',
      text: {
        fr: 'on ne sait pas si des lignes précédentes masquent la ligne «\u00a0petite\u00a0»\u00a0: l’opérateur matches n’est pas modélisé',
        en: 'whether earlier rows shadow row "petite" is not decided: the operator matches is not modelled',
      },
    },
  ],
};
const warningsOnly: Analysis = {
  findings: [
    {
      kind: 'gap',
      severity: 'warning',
      path: '/definition/rows',
      message: 'no row matches inputs where total >= 500',
      text: { fr: 'aucune ligne ne prend les entrées où total ≥ 500', en: 'no row matches inputs where total >= 500' },
    },
  ],
  checked: [],
  checkedText: [],
  notChecked: [],
};

const routes = (analysis: Analysis | (() => FakeAnswer)) => ({
  [`GET ${RULESET}`]: { body: ruleset, headers: { ETag: 'W/"rev-3"' } },
  [`GET ${RULESET}/versions/2`]: { body: version2 },
  [`GET ${RULESET}/versions/2/analysis`]: typeof analysis === 'function' ? analysis : { body: analysis },
  'GET /api/v1/schemas/rulesets': { body: SERVER_VOCABULARY },
});

const renderEditor = () =>
  renderConsole(
    <ResourceContextProvider value="rulesets">
      <RecordContextProvider value={{ id: 'remises' }}>
        <RulesetEdit />
      </RecordContextProvider>
    </ResourceContextProvider>,
  );

// The editor loads the draft, the vocabulary and the analysis before it shows a finding: slower when the machine is busy.
const LOADED = { timeout: 8000 };

/** The editor's table row that a finding path names. */
const row = (n: number) => document.querySelector<HTMLElement>(`[data-analysis-path="/rows/${n}"]`)!;

afterEach(() => {
  localStorage.clear();
});

describe('static analysis in the rule-set editor', () => {
  it('marks the overlapping row with the finding in French, lists it in the summary, and leads to the row', async () => {
    const api = fakeApi(routes(withOverlap));
    renderEditor();
    const overlap = /Les lignes «\s*petite\s*» et «\s*moyenne\s*» peuvent s’appliquer toutes deux à une même entrée\./;
    await waitFor(() => expect(row(1).textContent).toMatch(overlap), LOADED);
    expect(within(row(1)).getByText(/Erreur/)).toBeTruthy();
    // The finding is on the row it names, not on the other.
    expect(row(0).textContent).not.toMatch(overlap);
    expect(api.to('GET', `${RULESET}/versions/2/analysis`).length).toBeGreaterThan(0);

    const summary = screen.getByRole('list', { name: 'Constats de l’analyse' });
    const item = within(summary).getByRole('button', { name: /Ligne «\s*moyenne\s*»/ });
    // The server's own wording is the detail, in French, not its English.
    expect(item.textContent).toContain(
      'peuvent correspondre à une même entrée\u202f; une seule ligne peut correspondre',
    );
    expect(item.textContent).not.toContain('can both match');
    expect(document.body.textContent).toContain('les lignes qui se chevauchent');
    fireEvent.click(item);
    await waitFor(() => expect(document.activeElement).toBe(row(1)));
  });

  it('lists what the analysis could not decide as « non vérifié », never as passed', async () => {
    fakeApi(routes(withOverlap));
    renderEditor();
    const title = await screen.findByRole('heading', { name: /Non vérifié \(1\)/ }, LOADED);
    expect(title).toBeTruthy();
    // Closed at first (the pilots list dozens), opened by its button.
    expect(screen.queryByRole('region', { name: /Non vérifié \(1\)/ })).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Afficher la question non vérifiée' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const region = screen.getByRole('region', { name: /Non vérifié \(1\)/ });
    expect(region.textContent).toMatch(/Non vérifié\s*:\s*Ligne «\s*petite\s*»/);
    expect(region.textContent).toContain('On ne sait pas si des lignes précédentes masquent la ligne');
    expect(region.textContent).not.toContain('is not decided');
    expect(screen.getByText('1 question non vérifiée')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\b(OK|réussi)\b/i);
  });

  it('blocks submission while the analysis finds errors, and says why', async () => {
    fakeApi(routes(withOverlap));
    renderEditor();
    const submit = await screen.findByRole('button', { name: 'Soumettre la version 2 pour revue' }, LOADED);
    await waitFor(() => expect(submit).toHaveProperty('disabled', true), LOADED);
    expect(
      screen.getByText(/Soumission impossible\s*: l’analyse statique trouve une erreur dans cette version\./),
    ).toBeTruthy();
    expect(submit.getAttribute('aria-describedby')).toBe('submit-blocked');
  });

  it('lets a version with warnings only be submitted, the warning on the table', async () => {
    fakeApi(routes(warningsOnly));
    renderEditor();
    await waitFor(
      () =>
        expect(document.querySelector('[data-analysis-path="/rows"]')?.textContent).toMatch(
          /Avertissement\s*:\s*Certaines entrées ne sont prises par aucune ligne/,
        ),
      LOADED,
    );
    const submit = await screen.findByRole('button', { name: 'Soumettre la version 2 pour revue' });
    expect(submit).toHaveProperty('disabled', false);
    expect(screen.queryByText(/Soumission impossible/)).toBeNull();
  });

  it('analyses the version again after a save', async () => {
    let saved = false;
    const api = fakeApi({
      ...routes(() => ({ body: saved ? warningsOnly : withOverlap })),
      // The draft read after the save has a new ETag.
      [`GET ${RULESET}`]: () => ({ body: ruleset, headers: { ETag: saved ? 'W/"rev-4"' : 'W/"rev-3"' } }),
      [`PUT ${RULESET}/draft`]: () => {
        saved = true;
        return { body: ruleset, headers: { ETag: 'W/"rev-4"' } };
      },
    });
    renderEditor();
    await waitFor(() => expect(row(1).textContent).toMatch(/peuvent s’appliquer/), LOADED);
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Identifiant' })[1]!, { target: { value: 'grande' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(api.to('PUT', `${RULESET}/draft`)).toHaveLength(1));
    // The saved version is analysed again (the edit itself may hide the old finding before that, so the second
    // read is waited for, not assumed); the overlap is gone and submitting is possible again.
    await waitFor(() => expect(api.to('GET', `${RULESET}/versions/2/analysis`)).toHaveLength(2), LOADED);
    await waitFor(() => expect(row(1).textContent).not.toMatch(/peuvent s’appliquer/), LOADED);
    const submit = await screen.findByRole('button', { name: 'Soumettre la version 2 pour revue' });
    expect(submit).toHaveProperty('disabled', false);
  });
});

describe('static analysis in the version list of the rule set page', () => {
  const renderButtons = () =>
    renderConsole(
      <RecordContextProvider value={{ id: 2, number: 2, status: 'draft', authors: ['analyste'] }}>
        <VersionButtons resource="rulesets" id="remises" useSubmitBlock={useAnalysisSubmitBlock} />
      </RecordContextProvider>,
    );

  it('disables Submit for a draft whose analysis finds errors, and says why', async () => {
    fakeApi(routes(withOverlap));
    renderButtons();
    await screen.findByText(/Soumission impossible\s*: l’analyse statique trouve une erreur/, {}, LOADED);
    expect(screen.getByRole('button', { name: 'Soumettre' })).toHaveProperty('disabled', true);
  });

  it('leaves Submit enabled when the analysis finds warnings only', async () => {
    const api = fakeApi(routes(warningsOnly));
    renderButtons();
    await waitFor(() => expect(api.to('GET', `${RULESET}/versions/2/analysis`)).toHaveLength(1), LOADED);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the answer is read and rendered
    expect(screen.getByRole('button', { name: 'Soumettre' })).toHaveProperty('disabled', false);
    expect(screen.queryByText(/Soumission impossible/)).toBeNull();
  });
});
