import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { ExperimentResults } from './ExperimentResults';
import type { ExperimentResults as Results } from './format';

const variant = (name: string, version: number, exposures: number, conversions: number) => ({
  name,
  version,
  weight: 50,
  exposures,
  conversions,
  rate: conversions / exposures,
  ci95: [0.05, 0.2] as [number, number],
  errorRate: 0,
  p95LatencyMs: 900,
  costPerAnswer: 0.004,
  guardrailBreached: false,
});

const results = (overrides: Partial<Results> = {}): Results => ({
  experiment: 'accueil-ab',
  prompt: 'accueil',
  running: true,
  variants: [variant('temoin', 1, 400, 40), variant('concise', 2, 410, 62)],
  srm: { pValue: 0.7, mismatch: false },
  comparison: {
    control: 'temoin',
    pValue: 0.03,
    byVariant: [
      {
        name: 'concise',
        pValue: 0.03,
        better: true,
        sequential: { pValue: 0.21, confidenceSequence: [-0.012, 0.117], canStop: false },
        probabilityToBeatControl: 0.985,
        boundary: [
          { subjects: 200, difference: 0.07, confidenceSequence: [-0.09, 0.23], pValue: 1 },
          { subjects: 810, difference: 0.0512, confidenceSequence: [-0.012, 0.117], pValue: 0.21 },
        ],
      },
    ],
  },
  sequential: { variant: 'concise', pValue: 0.21, confidenceSequence: [-0.012, 0.117], canStop: false },
  probabilityToBeatControl: 0.985,
  guardrails: [
    { variant: 'temoin', metric: 'error_rate', value: 0, threshold: 0.05, breached: false },
    { variant: 'concise', metric: 'error_rate', value: 0.08, threshold: 0.05, breached: true },
    { variant: 'concise', metric: 'p95_latency_ms', value: null, threshold: 20000, breached: false },
  ],
  minimumSample: { perVariant: 100, reached: true },
  ...overrides,
});

beforeEach(() => {
  // jsdom has no layout: the charts ask for one.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});

const show = (body: Results) => {
  fakeApi({ 'GET /api/v1/experiments/accueil-ab/results': { body } });
  renderConsole(<ExperimentResults experimentKey="accueil-ab" />);
};

describe('the results valid at every look', () => {
  it('shows the always-valid p-value, the confidence sequence, the probability to beat the control and the guardrails', async () => {
    show(results());
    const panel = await screen.findByTestId('sequential-panel');
    const table = within(panel).getByRole('table', { name: /^Chaque variante contre le témoin «\s?temoin\s?»$/ });
    const row = within(table).getByRole('row', { name: /concise/ });
    expect(within(row).getByText('+5,1 pts')).toBeTruthy();
    expect(within(row).getByText('-1,2 pts à +11,7 pts')).toBeTruthy();
    expect(within(row).getByText('p = 0,21')).toBeTruthy();
    expect(within(row).getByText('98,5 %')).toBeTruthy();
    expect(within(row).getByText('Pas encore')).toBeTruthy();
    expect(within(panel).queryByTestId('minimum-sample')).toBeNull();
    expect(within(panel).getByTestId('sequential-boundary')).toBeTruthy();
    expect(
      within(panel).getByText(/Écart entre «\s?concise\s?» et le témoin «\s?temoin\s?» au fil des sujets/),
    ).toBeTruthy();

    const guardrails = within(panel).getByTestId('guardrails');
    const breached = within(guardrails).getAllByRole('row')[2]!;
    expect(within(breached).getByText('Taux d’erreurs')).toBeTruthy();
    expect(within(breached).getByText('8,0 %')).toBeTruthy();
    expect(within(breached).getByText('5,0 %')).toBeTruthy();
    expect(within(breached).getByText('Dépassé')).toBeTruthy();
    expect(within(guardrails).getByText('aucune mesure')).toBeTruthy();
  });

  it('claims no figure before the first answers: « — » and « Pas encore de données », not 0 %, p = 1 or 50 %', async () => {
    const empty = {
      ...variant('temoin', 1, 0, 0),
      rate: null,
      ci95: [0, 1] as [number, number],
      errorRate: null,
      p95LatencyMs: null,
    };
    show(
      results({
        variants: [empty, { ...empty, name: 'concise', version: 2 }],
        comparison: {
          control: 'temoin',
          pValue: 1,
          byVariant: [
            {
              name: 'concise',
              pValue: 1,
              better: false,
              sequential: { pValue: 1, confidenceSequence: [0, 0], canStop: false },
              probabilityToBeatControl: 0.5,
              boundary: [],
            },
          ],
        },
        guardrails: [{ variant: 'concise', metric: 'p95_latency_ms', value: null, threshold: 20000, breached: false }],
        minimumSample: { perVariant: 100, reached: false },
      }),
    );
    const panel = await screen.findByTestId('sequential-panel');
    const row = within(panel)
      .getAllByRole('row')
      .find((r) => /concise/.test(r.textContent ?? ''))!;
    expect(row.textContent).not.toMatch(/p = 1|50,0 %|0,0 pts/);
    expect(within(within(panel).getByTestId('guardrails')).getByText('Pas encore de données')).toBeTruthy();
    const results_ = screen.getByRole('table', { name: 'Résultats par variante' });
    expect(results_.textContent).not.toMatch(/0,0 %\s?à|Respectés/);
    expect(within(results_).getAllByText('Pas encore de données')).toHaveLength(2);
  });

  it('says there is not enough data below the minimum sample, and why the service stopped the experiment', async () => {
    show(
      results({
        running: false,
        variants: [variant('temoin', 1, 40, 4), variant('concise', 2, 45, 9)],
        minimumSample: { perVariant: 100, reached: false },
        halt: {
          reason: 'guardrail',
          metric: 'error_rate',
          variant: 'concise',
          value: 0.08,
          threshold: 0.05,
          at: '2026-04-15T10:00:00.000Z',
          fallback: { variant: 'temoin', version: 1 },
        },
      }),
    );
    const panel = await screen.findByTestId('sequential-panel');
    expect(within(panel).getByTestId('minimum-sample').textContent).toMatch(
      /Pas assez de données pour conclure\s?: il faut au moins 100 personnes servies par variante avant tout verdict \(temoin 40, concise 45\)\./,
    );
    expect(within(panel).getByText('Pas assez de données')).toBeTruthy();
    expect(screen.getByTestId('experiment-halt').textContent).toMatch(
      /Taux d’erreurs de «\s?concise\s?»\s?: 8,0\s?%, au-delà du seuil de 5,0\s?%\. Tout le monde reçoit maintenant le témoin «\s?temoin\s?» \(version 1\)\./,
    );
  });
});
