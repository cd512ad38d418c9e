import type { ReactNode } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole, ShowPage } from '../common/testing/fake-api';
import { AwaitingDecision, ExperimentSettings } from './VersionSettings';

const content = (weights: number[], coverage = 1) => ({
  content: {
    prompt: 'chatbot-answer',
    salt: 'brievete',
    coverage,
    primaryMetric: 'positive_feedback_rate',
    variants: [
      { name: 'detaillee', version: 3, weight: weights[0] },
      { name: 'concise', version: 4, weight: weights[1] },
    ],
  },
});

const experiment = (versions: object[], activeVersion: number | null) => ({
  id: 'brievete',
  key: 'brievete',
  name: 'Brièveté',
  archived: false,
  activeVersion,
  draftVersion: null,
  latestVersion: versions.length,
  scheduled: [],
  updatedAt: '2026-12-05T10:00:00Z',
  versions,
});

/** `part` on the experiment's show page, read by an approver. */
const showToApprover = (part: ReactNode) =>
  renderConsole(
    <ShowPage resource="experiments" id="brievete">
      {part}
    </ShowPage>,
    ['approver'],
  );

describe('an experiment version awaiting a decision', () => {
  it('shows its settings and what it changes from the version in force, where only that one was shown', async () => {
    fakeApi({
      'GET /api/v1/experiments/brievete': {
        body: experiment(
          [
            { number: 1, status: 'published', inForce: true, authors: ['analyst'] },
            { number: 2, status: 'in_review', authors: ['analyst'] },
          ],
          1,
        ),
      },
      'GET /api/v1/experiments/brievete/versions/2': { body: content([60, 40], 0.5) },
      'GET /api/v1/experiments/brievete/diff?from=1&to=2': {
        body: {
          from: 1,
          to: 2,
          changes: [
            { path: '/variants/0/weight', before: 50, after: 60 },
            { path: '/variants/1/weight', before: 50, after: 40 },
            { path: '/coverage', before: 1, after: 0.5 },
            { path: '/guardrails/maxErrorRate', after: 0.02 },
          ],
        },
      },
    });
    showToApprover(<AwaitingDecision />);
    const settings = await screen.findByTestId('experiment-settings-2');
    expect(within(settings).getByRole('heading').textContent).toBe('Réglages de la version 2, en revue');
    expect(settings.textContent).toMatch(/concise — version 4 du gabarit — 40\s%\sdu trafic/);
    const changes = await screen.findByTestId('experiment-changes');
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'variante 1 › poids\u00a0: 50 → 60',
      'variante 2 › poids\u00a0: 50 → 40',
      'couverture\u00a0: 100\u00a0% → 50\u00a0%',
      'garde-fous › taux d’erreurs maximal\u00a0: (absent) → 2\u00a0%',
    ]);
  });

  it('before the start, describes the version awaiting a decision first, not a draft started beside it', async () => {
    fakeApi({
      'GET /api/v1/experiments/brievete': {
        body: experiment(
          [
            { number: 1, status: 'in_review', authors: ['analyst'] },
            { number: 2, status: 'draft', authors: ['analyst'] },
          ],
          null,
        ),
      },
      'GET /api/v1/experiments/brievete/versions/1': { body: content([50, 50]) },
    });
    showToApprover(<ExperimentSettings />);
    const settings = await screen.findByTestId('experiment-settings-1');
    expect(within(settings).getByRole('heading').textContent).toBe('Réglages de la version 1');
    expect(screen.queryByTestId('experiment-settings-2')).toBeNull();
    expect(screen.queryByTestId('experiment-changes')).toBeNull();
  });

  it('adds nothing when no version awaits a decision', async () => {
    const api = fakeApi({
      'GET /api/v1/experiments/brievete': {
        body: experiment([{ number: 1, status: 'published', inForce: true, authors: ['analyst'] }], 1),
      },
    });
    showToApprover(<AwaitingDecision />);
    await waitFor(() => expect(api.to('GET', '/api/v1/experiments/brievete')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100)); // a render that would read more has had its turn
    expect(screen.queryByTestId('experiment-changes')).toBeNull();
    expect(api.calls.map((c) => c.url)).toEqual(['/api/v1/experiments/brievete']);
  });
});
