import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, renderConsole, ShowPage } from '../../common/testing/fake-api';
import { GovernedVersions } from '../../common/lifecycle/GovernedShow';
import { LatestEvaluation } from './LatestEvaluation';
import { PromptEvaluations } from './PromptEvaluations';

const prompt = {
  id: 'faq',
  key: 'faq',
  name: 'FAQ',
  pilot: 'chatbot',
  activeVersion: 1,
  draftVersion: null,
  latestVersion: 2,
  versions: [
    { number: 1, status: 'published', authors: ['analyst'] },
    { number: 2, status: 'in_review', authors: ['analyst'] },
  ],
};
const set = {
  id: 'regression',
  prompt: 'faq',
  name: 'regression',
  judgePrompt: 'juge',
  caseCount: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'analyst',
};
const side = (version: number, passed: boolean, output: string) => ({
  version,
  passed,
  output,
  checks: passed
    ? [
        { type: 'contains', passed },
        { type: 'rubric', passed, score: 5 },
      ]
    : [
        {
          type: 'contains',
          passed,
          message: 'does not contain "deux"',
          reason: { code: 'missing_text', text: 'deux' },
        },
        {
          type: 'rubric',
          passed,
          score: 2,
          message: 'scored 2, below 3',
          reason: { code: 'below_min_score', score: 2, min: 3 },
        },
        { type: 'length', passed, message: 'is 1200 characters, more than 1000' }, // a run stored before reasons
      ],
  tokens: { input: 10, output: 12 },
  costUsd: 0.0002,
  latencyMs: 40,
});
const run = {
  id: 'run-1',
  prompt: 'faq',
  version: 2,
  checksum: 'abc',
  set: 'regression',
  inForceVersion: 1,
  budgetTokens: 50000,
  tokensUsed: 12000,
  budgetExhausted: true,
  stoppedBy: 'budget',
  passRate: { candidate: { rate: 1, interval: [0.21, 1] }, inForce: { rate: 0, interval: [0, 0.79] } },
  scores: { candidate: { mean: 5, n: 1, interval: null }, inForce: { mean: 2, n: 1, interval: null } },
  cost: { candidateUsd: 0.0002, inForceUsd: 0.0002, totalUsd: 0.0004 },
  summary: {
    candidate: { passed: 1, failed: 0, errors: 0, skipped: 1 },
    inForce: { passed: 0, failed: 1, errors: 0, skipped: 1 },
  },
  latency: { candidate: { mean: 40, max: 40, total: 40 }, inForce: { mean: 40, max: 40, total: 40 } },
  cases: [
    {
      index: 0,
      name: 'arbres',
      variables: { question: 'arbres' },
      candidate: side(2, true, 'Réponse deux'),
      // Stored shortened: the run's answers did not fit one document.
      inForce: { ...side(1, false, 'Réponse un'), outputLength: 2_500_000 },
    },
    { index: 1, variables: { question: 'parcs' }, skipped: 'budget' },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'analyst',
};

describe('PromptEvaluations', () => {
  it('runs a set on the version in review with a budget and shows both sides with intervals and checks', async () => {
    const api = fakeApi({
      'GET /api/v1/prompts/faq': { body: prompt },
      'GET /api/v1/prompts/faq/evaluation-sets': { body: [set] },
      'POST /api/v1/prompts/faq/versions/2/evaluation-runs': { status: 201, body: run },
    });
    renderConsole(
      <ShowPage resource="prompts" id="faq">
        <PromptEvaluations />
      </ShowPage>,
    );
    const sets = await screen.findByRole('table', { name: "Jeux d'évaluation" });
    expect(within(sets).getByText('juge')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Budget de jetons'), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Évaluer la version 2' }));
    const summary = await screen.findByRole('table', { name: /Résumé du jeu/ });
    expect(api.to('POST', '/api/v1/prompts/faq/versions/2/evaluation-runs')[0]!.body).toEqual({
      set: 'regression',
      budgetTokens: 500,
    });
    const rows = within(summary).getAllByRole('row');
    expect(rows[0]!.textContent).toContain('Version 2 (évaluée)');
    expect(rows[0]!.textContent).toContain('Version 1 (en vigueur)');
    expect(rows[1]!.textContent).toMatch(/100\s%\s\[21\s%\s–\s100\s%\].*0\s%\s\[0\s%\s–\s79\s%\]/);
    expect(rows[2]!.textContent).toContain('5,0 / 5');
    // Each count agrees in number with its own word.
    expect(rows[3]!.textContent).toContain('1 réussi, 0 échoué (dont 0 en erreur), 1 non exécuté');
    expect(rows[3]!.textContent).toContain('0 réussi, 1 échoué (dont 0 en erreur), 1 non exécuté');
    // Counts are grouped as French writes them (a no-break space between thousands).
    expect(screen.getByText(/Le budget de jetons est épuisé \(12\s000 sur 50\s000\)/)).toBeTruthy();
    const cases = screen.getByRole('table', { name: 'Cas côte à côte' });
    expect(within(cases).getByText('Réponse deux')).toBeTruthy();
    expect(within(cases).getByText('Réponse un')).toBeTruthy();
    expect(
      within(cases).getByText(/^Réponse raccourcie pour être enregistrée\s:\s2\s500\s000 caractères en tout\./),
    ).toBeTruthy();
    expect(within(cases).getByText('Grille : Échoué (2/5)')).toBeTruthy();
    // Why a check failed is said in French; a run stored before codes shows the server's English.
    expect(within(cases).getByText(/^ne contient pas «\s+deux\s+»$/)).toBeTruthy();
    expect(within(cases).getByText('note de 2 sur 5, sous le minimum de 3')).toBeTruthy();
    expect(within(cases).getByText('is 1200 characters, more than 1000')).toBeTruthy();
    expect(within(cases).queryByText('does not contain "deux"')).toBeNull();
    expect(within(cases).getByText('Non exécuté : budget de jetons épuisé.')).toBeTruthy();
  });

  it('creates a set from JSON and shows the API’s refusals at their paths under the editor', async () => {
    fakeApi({
      'GET /api/v1/prompts/faq': { body: prompt },
      'GET /api/v1/prompts/faq/evaluation-sets': { body: [] },
      'POST /api/v1/prompts/faq/evaluation-sets': apiError(400, 'validation_failed', 'The set has 1 problem(s).', [
        { path: '/cases/0/expect/0/pattern', message: 'is not a regular expression Gabarit can match' },
      ]),
    });
    renderConsole(
      <ShowPage resource="prompts" id="faq">
        <PromptEvaluations />
      </ShowPage>,
    );
    await screen.findByText("Ce gabarit n'a encore aucun jeu d'évaluation.");
    fireEvent.click(screen.getByRole('button', { name: "Nouveau jeu d'évaluation" }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le jeu' }));
    await waitFor(() => expect(screen.getAllByText(/\/cases\/0\/expect\/0\/pattern/).length).toBeGreaterThanOrEqual(1));
    expect(screen.getByRole('alert').textContent).toContain('is not a regular expression');
  });

  /** The review tab of the prompt, as an approver opens it, with this run as the version's latest. */
  async function openReviewTab(latest: typeof run) {
    fakeApi({
      'GET /api/v1/prompts/faq': { body: prompt },
      'GET /api/v1/prompts/faq/evaluation-sets': { body: [set] },
      'GET /api/v1/prompts/faq/versions/2/evaluation-runs': { body: [latest] },
      'GET /api/v1/prompts/faq/evaluation-runs/run-1': { body: latest },
    });
    renderConsole(
      <ShowPage resource="prompts" id="faq">
        <PromptEvaluations />
      </ShowPage>,
      ['approver'],
    );
    fireEvent.click(await screen.findByRole('tab', { name: 'Résumé pour la revue' }));
  }

  it('shows the latest run of the version on the review tab', async () => {
    await openReviewTab(run);
    await screen.findByText(/Dernière évaluation de cette version : jeu « regression », par analyst/);
    expect(screen.getByRole('table', { name: /Résumé du jeu/ }).textContent).toContain('Taux de réussite');
  });

  it('says a budget passed by the cases already running is not a budget that left cases unrun', async () => {
    await openReviewTab({ ...run, budgetTokens: 10, tokensUsed: 320, budgetExhausted: false });
    await screen.findByText(/Le budget de jetons a été dépassé \(320 sur 10\) par les cas déjà lancés/);
    expect(screen.queryByText(/les cas restants n'ont pas été exécutés/)).toBeNull();
  });

  /** Runs the set from the console; the service answers `answer`. */
  async function runAnswering(answer: object) {
    fakeApi({
      'GET /api/v1/prompts/faq': { body: prompt },
      'GET /api/v1/prompts/faq/evaluation-sets': { body: [set] },
      'POST /api/v1/prompts/faq/versions/2/evaluation-runs': { status: 201, body: answer },
    });
    renderConsole(
      <ShowPage resource="prompts" id="faq">
        <PromptEvaluations />
      </ShowPage>,
    );
    await screen.findByRole('table', { name: "Jeux d'évaluation" });
    fireEvent.click(screen.getByRole('button', { name: 'Évaluer la version 2' }));
    return screen.findByRole('table', { name: 'Cas côte à côte' });
  }

  it('says a run cut short by its time, and why each case did not run', async () => {
    const cases = [run.cases[0]!, { ...run.cases[1]!, skipped: 'time' }];
    const table = await runAnswering({ ...run, budgetExhausted: false, stoppedBy: 'time', cases });
    expect(screen.getByText(/^Le temps d’une évaluation \(EVAL_RUN_BUDGET_MS\) était écoulé/)).toBeTruthy();
    expect(within(table).getByText(/^Non exécuté\s:\sle temps de l’évaluation était écoulé\.$/)).toBeTruthy();
    expect(screen.queryByText(/Le budget de jetons est épuisé/)).toBeNull();
  });

  it('says a run its caller gave up was cut short, its cases not run', async () => {
    const cases = [{ ...run.cases[1]!, skipped: 'caller_gone' }];
    const table = await runAnswering({ ...run, budgetExhausted: false, stoppedBy: 'caller_gone', cases });
    expect(
      screen.getByText(/^L’évaluation a été abandonnée \(la page a été fermée ou la connexion perdue\)/),
    ).toBeTruthy();
    expect(within(table).getByText(/^Non exécuté ou interrompu\s:\sl’évaluation a été abandonnée\.$/)).toBeTruthy();
  });

  it('shows the latest run in the approval dialog of a version in review', async () => {
    fakeApi({
      'GET /api/v1/prompts/faq': { body: prompt },
      'GET /api/v1/prompts/faq/versions/2/evaluation-runs': { body: [run] },
      'GET /api/v1/prompts/faq/evaluation-runs/run-1': { body: run },
    });
    renderConsole(
      <ShowPage resource="prompts" id="faq">
        <GovernedVersions
          resource="prompts"
          reviewDetails={(version, action) =>
            action === 'approve' ? <LatestEvaluation promptKey="faq" version={version} /> : null
          }
        />
      </ShowPage>,
      ['approver'],
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Approuver' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('table', { name: /Résumé du jeu/ });
    expect(within(dialog).getByText(/Dernière évaluation de cette version/)).toBeTruthy();
  });
});
