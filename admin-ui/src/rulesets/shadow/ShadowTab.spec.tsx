import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, renderConsole, ShowPage } from '../../common/testing/fake-api';
import { ShadowSummary } from './ShadowSummary';
import { ShadowTab } from './ShadowTab';
import { textBesidePhoneLabel } from '../../common/testing/phone-label';

const RULESET = '/api/v1/rulesets/factures';
const SHADOW = `${RULESET}/versions/2/shadow`;
const TRANSITION = 'auto_approve → manual_review';
const ruleset = {
  id: 'factures',
  key: 'factures',
  name: 'Factures',
  activeVersion: 1,
  draftVersion: null,
  latestVersion: 2,
  versions: [
    { number: 1, status: 'published' },
    { number: 2, status: 'in_review' },
  ],
};
/** The same rule set once version 2 has run in shadow: its view says so, and only then is the report read. */
const ran = (running: boolean, status = 'in_review') => ({
  ...ruleset,
  versions: [
    ruleset.versions[0],
    { number: 2, status, shadow: { running, percent: 25, startedAt: '2026-12-02T14:05:00.000Z' } },
  ],
});
/** A report as the API answers it (server/test/shadow-runs.e2e-spec.ts): 3 of 8 compared evaluations differ. */
const running = {
  version: 2,
  activeVersion: 1,
  comparedWith: 1,
  percent: 25,
  running: true,
  startedAt: '2026-12-02T14:05:00.000Z',
  startedBy: 'approver',
  compared: 8,
  diverged: 3,
  byTransition: { [TRANSITION]: 2, 'auto_approve → (none)': 1 },
  rate: 0.375,
  interval: [0.1368, 0.6943],
  rates: {
    [TRANSITION]: { rate: 0.25, interval: [0.0715, 0.5907] },
    'auto_approve → (none)': { rate: 0.125, interval: [0.0224, 0.4709] },
  },
  shed: 4,
  errors: 0,
  maskedFacts: true,
  examples: [
    {
      evaluationId: 'ev-7000',
      before: 'auto_approve',
      after: 'manual_review',
      rulesOnlyBefore: ['petit-montant'],
      rulesOnlyAfter: ['montant-eleve'],
      facts: { invoice: { total: 7000, payer: '***' } },
    },
  ],
};

const renderTab = (roles: string[]) =>
  renderConsole(
    <ShowPage resource="rulesets" id="factures">
      <ShadowTab />
    </ShowPage>,
    roles,
  );

describe('Shadow tab', () => {
  it('lets an approver start a shadow of the version in review: POSTs {percent} to its URL, then shows the running report', async () => {
    let started = false;
    const api = fakeApi({
      [`GET ${RULESET}`]: () => ({ body: started ? ran(true) : ruleset }),
      [`GET ${SHADOW}`]: { body: running },
      [`POST ${SHADOW}`]: () => {
        started = true;
        return { status: 201, body: { version: 2, percent: 25, startedAt: running.startedAt } };
      },
    });
    renderTab(['approver']);
    await screen.findByText('La version 2 n’a jamais été comparée en direct.');
    expect(api.to('GET', SHADOW)).toEqual([]); // the view says it never ran: no report asked for, no 404
    fireEvent.change(await screen.findByRole('spinbutton', { name: /Part des évaluations comparées/ }), {
      target: { value: '25' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Démarrer la comparaison' }));
    await waitFor(() => expect(api.to('POST', SHADOW).map((c) => c.body)).toEqual([{ percent: 25 }]));
    const state = await screen.findByTestId('shadow-state');
    expect(state.textContent).toMatch(/^En cours depuis le 2 décembre 2026 à \d+\sh\s05, sur 25\s%/);
    expect(screen.getByTestId('shadow-compared').textContent).toBe('8');
    expect(screen.getByTestId('shadow-diverged').textContent).toBe('3');
    // One example kept of the three different decisions: said as a sample, not read as all of them.
    expect(screen.getByTestId('shadow-examples-sample').textContent).toMatch(
      /^1 exemple sur 3 décisions différentes\s?: le premier d’une transition/,
    );
    expect(screen.getByTestId('shadow-rate').textContent).toMatch(
      /^37,5\s% \(intervalle de confiance à 95\s%\s: de 13,7\s% à 69,4\s%\)$/,
    );
    expect(screen.getByTestId('shadow-shed').textContent).toBe('4');
    expect(screen.getByText('Comparaisons omises pour préserver le temps de réponse des appelants')).toBeTruthy();
    // The examples, with the facts masked as the API returned them.
    const examples = screen.getByRole('table', { name: 'Exemples de décisions différentes' });
    expect(within(examples).getByText('ev-7000')).toBeTruthy();
    expect(within(examples).getByText('montant-eleve')).toBeTruthy();
    expect(within(examples).getByText(/"payer":"\*\*\*"/)).toBeTruthy();
    // The keyboard is on the button that took the start button's place, not on the page's body.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Arrêter la comparaison' }));
  });

  it('words a decision tree’s differing paths with each side’s node labels', async () => {
    const tree = (leafLabel: string) => ({
      content: {
        definition: {
          root: {
            id: 'statut',
            label: 'Statut d’emploi',
            branches: [{ when: { all: [] }, node: { id: 'node-19', label: leafLabel, outcome: { type: 'x' } } }],
            otherwise: { id: 'node-20', label: 'Adhésion', outcome: { type: 'y' } },
          },
        },
      },
    });
    const example = {
      ...running.examples[0]!,
      rulesOnlyBefore: ['statut>node-20'],
      rulesOnlyAfter: ['statut>node-19'],
    };
    fakeApi({
      [`GET ${RULESET}`]: { body: ran(true) },
      [`GET ${SHADOW}`]: { body: { ...running, examples: [example] } },
      [`GET ${RULESET}/versions/1`]: { body: tree('Ancienne règle') },
      [`GET ${RULESET}/versions/2`]: { body: tree('Âge 65 et plus') },
    });
    renderTab(['risk']);
    const examples = await screen.findByRole('table', { name: 'Exemples de décisions différentes' });
    // Before in the version in force's words, after in the shadowed version's: not node-20 and node-19.
    expect(await within(examples).findByText('… › Adhésion')).toBeTruthy();
    expect(await within(examples).findByText('… › Âge 65 et plus')).toBeTruthy();
  });

  it('says when another version has been put in force since the run started: it compares nothing more', async () => {
    fakeApi({
      [`GET ${RULESET}`]: { body: { ...ran(true), activeVersion: 3 } },
      [`GET ${SHADOW}`]: { body: { ...running, activeVersion: 3 } },
    });
    renderTab(['approver']);
    expect(
      (await screen.findByText(/^Comparée à la version 1, en vigueur au début de la comparaison\./)).textContent,
    ).toBeTruthy();
    expect((await screen.findByTestId('shadow-superseded')).textContent).toMatch(
      /^La version 3 est maintenant en vigueur, et non la version 1\s: cette comparaison ne compare plus rien/,
    );
  });

  it('gives no rate and no interval while nothing has been compared', async () => {
    const empty = {
      ...running,
      compared: 0,
      diverged: 0,
      byTransition: {},
      rate: 0,
      interval: [0, 1],
      rates: {},
      examples: [],
    };
    fakeApi({ [`GET ${RULESET}`]: { body: ran(true) }, [`GET ${SHADOW}`]: { body: empty } });
    renderTab(['approver']);
    expect((await screen.findByTestId('shadow-rate')).textContent).toBe('—');
    expect(screen.getByTestId('shadow-compared').textContent).toBe('0');
  });

  it('words a 409 naming /version, and a 400 naming /percent', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let answer = apiError(
      409,
      'invalid_transition',
      'Version 2 is published; only a version in review or approved (not yet published) can run in shadow.',
      [{ path: '/version', message: 'is published' }],
    );
    fakeApi({
      [`GET ${RULESET}`]: { body: ruleset },
      [`POST ${SHADOW}`]: () => answer,
    });
    renderTab(['approver']);
    fireEvent.click(await screen.findByRole('button', { name: 'Démarrer la comparaison' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Cette version ne peut pas être comparée en direct\u00a0: seule une version en revue ou approuvée (pas encore publiée) peut l’être.',
    );
    answer = apiError(400, 'validation_failed', 'Invalid body.', [{ path: '/percent', message: 'must be >= 1' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Démarrer la comparaison' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'La part des évaluations comparées doit être un nombre entier de 1 à 100.',
      ),
    );
  });

  it('refuses a share outside 1–100 before asking the API', async () => {
    const api = fakeApi({ [`GET ${RULESET}`]: { body: ruleset } });
    renderTab(['approver']);
    const share = await screen.findByRole('spinbutton', { name: /Part des évaluations comparées/ });
    fireEvent.change(share, { target: { value: '120' } });
    expect(screen.getByText('Indiquez un nombre entier de 1 à 100.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Démarrer la comparaison' })).toHaveProperty('disabled', true);
    expect(api.to('POST', SHADOW)).toEqual([]);
  });

  it('charts and tabulates the divergences by transition, with each rate and its interval', async () => {
    fakeApi({ [`GET ${RULESET}`]: { body: ran(true) }, [`GET ${SHADOW}`]: { body: running } });
    renderTab(['analyst']);
    const table = await screen.findByRole('table', { name: 'Transitions' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => textBesidePhoneLabel(cell)),
      );
    // Each transition in words, as an approver reads it; the codes stay in each cell's title.
    const inWords = [
      'Approuvée automatiquement → Transmise à un membre du personnel pour examen',
      'Approuvée automatiquement → aucune décision',
    ];
    expect(rows).toEqual([
      [inWords[0], '2', '25,0\u00a0%', 'de 7,2\u00a0% à 59,1\u00a0%'],
      [inWords[1], '1', '12,5\u00a0%', 'de 2,2\u00a0% à 47,1\u00a0%'],
    ]);
    const chart = screen.getByRole('figure', { name: 'Décisions différentes par transition' });
    // One horizontal bar per transition, named on its axis, longest first.
    const ticks = [...chart.querySelectorAll('.MuiChartsAxis-directionY .MuiChartsAxis-tickLabel')];
    expect(ticks.map((tick) => tick.textContent)).toEqual(inWords);
    // jsdom lays the chart out in no space at all: the bars are drawn, not measured (the browser test looks at them).
    expect(chart.querySelectorAll('rect.MuiBarChart-element').length).toBeGreaterThan(0);
    // The live figures can be held still while they are read, and set going again.
    fireEvent.click(screen.getByRole('button', { name: 'Suspendre la mise à jour' }));
    expect(screen.getByText(/Mise à jour suspendue/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reprendre la mise à jour' }));
    expect(screen.getByText(/se met à jour automatiquement toutes les 3 secondes/)).toBeTruthy();
    // Analysts read the report; only approvers start or stop.
    expect(screen.queryByRole('button', { name: 'Arrêter la comparaison' })).toBeNull();
    expect(screen.getByText(/Seules les personnes chargées de l’approbation/)).toBeTruthy();
  });

  it('says why and when an ended shadow ended', async () => {
    fakeApi({
      [`GET ${RULESET}`]: {
        body: { ...ran(false, 'published'), activeVersion: 2 },
      },
      [`GET ${SHADOW}`]: {
        body: {
          ...running,
          running: false,
          stoppedAt: '2026-12-03T15:30:00.000Z',
          endedBy: 'published',
          activeVersion: 2,
        },
      },
    });
    renderTab(['approver']);
    const state = await screen.findByTestId('shadow-state');
    expect(state.textContent).toMatch(/^Terminée le 3 décembre 2026 à \d+\sh\s30\s: la version a été publiée\./);
    expect(screen.queryByRole('button', { name: 'Démarrer la comparaison' })).toBeNull();
  });

  it('stops a running shadow after a confirmation: DELETE on its URL', async () => {
    let stopped = false;
    const api = fakeApi({
      [`GET ${RULESET}`]: () => ({ body: ran(!stopped) }),
      [`GET ${SHADOW}`]: () => ({
        body: stopped ? { ...running, running: false, endedBy: 'stopped', stoppedAt: running.startedAt } : running,
      }),
      [`DELETE ${SHADOW}`]: () => {
        stopped = true;
        return { status: 204 };
      },
    });
    renderTab(['approver']);
    fireEvent.click(await screen.findByRole('button', { name: 'Arrêter la comparaison' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Arrêter la comparaison en direct de la version 2\u202f?',
    });
    expect(api.to('DELETE', SHADOW)).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Arrêter la comparaison' }));
    await waitFor(() => expect(api.to('DELETE', SHADOW)).toHaveLength(1));
    expect((await screen.findByTestId('shadow-state')).textContent).toMatch(/arrêtée par une personne/);
    // Its figures stay until a new run of the version, which starts from zero: said before it is started.
    expect(
      await screen.findByText(
        /Une nouvelle comparaison de la version 2 repart de zéro\s?: les chiffres de la précédente/,
      ),
    ).toBeTruthy();
  });
});

describe('Shadow summary on the review screen', () => {
  it('sums up the run of the version in review and links to the Shadow tab', async () => {
    fakeApi({ [`GET ${RULESET}`]: { body: ran(true) }, [`GET ${SHADOW}`]: { body: running } });
    renderConsole(<ShadowSummary rulesetKey="factures" version={ran(true).versions[1]!} />);
    const card = await screen.findByTestId('shadow-summary');
    await waitFor(() =>
      expect(card.textContent).toContain(
        'En cours — évaluations comparées\u00a0: 8\u202f; décisions différentes\u00a0: 3 (37,5',
      ),
    );
    expect(
      within(card).getByRole('link', { name: 'Voir le rapport de comparaison en direct' }).getAttribute('href'),
    ).toBe('#/rulesets/factures/show/shadow?version=2');
  });

  it('says the figures were measured against a version no longer in force', async () => {
    fakeApi({
      [`GET ${RULESET}`]: { body: ran(true) },
      [`GET ${SHADOW}`]: { body: { ...running, activeVersion: 3 } },
    });
    renderConsole(<ShadowSummary rulesetKey="factures" version={ran(true).versions[1]!} />);
    const card = await screen.findByTestId('shadow-summary');
    await waitFor(() => expect(card.textContent).toMatch(/obtenus face à la version 1, qui n’est plus en vigueur/));
  });

  it('opens the Shadow tab on the version whose run goes on, where it may need stopping', async () => {
    const newer = {
      ...ran(true),
      activeVersion: 3,
      versions: [...ran(true).versions, { number: 3, status: 'published' }, { number: 4, status: 'in_review' }],
    };
    fakeApi({ [`GET ${RULESET}`]: { body: newer }, [`GET ${SHADOW}`]: { body: { ...running, activeVersion: 3 } } });
    renderTab(['approver']);
    expect(await screen.findByTestId('shadow-superseded')).toBeTruthy();
  });
});
