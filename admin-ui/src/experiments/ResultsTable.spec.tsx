import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n/i18nProvider';
import type { ResultsViewProps } from './format';
import { ResultsTable } from './ResultsTable';

const variant = (name: string, exposures: number) => ({
  name,
  version: name === 'court' ? 2 : 1,
  weight: 50,
  exposures,
  conversions: exposures > 0 ? 3 : 0,
  // As the API sends them: no rate before the first exposure, and an interval that says nothing is known.
  rate: exposures > 0 ? 3 / exposures : null,
  ci95: exposures > 0 ? [0, 0.2] : [0, 1],
  errorRate: exposures > 0 ? 0 : null,
  p95LatencyMs: null,
  guardrailBreached: false,
});

describe('the results table', () => {
  it('says a variant no one was served yet has no data for its guardrails, not that they hold', () => {
    const results = {
      variants: [variant('témoin', 40), variant('court', 0)],
      comparison: { control: 'témoin', byVariant: [{ name: 'court', pValue: 1 }] },
    } as unknown as ResultsViewProps['results'];
    const translate = i18nProvider.translate as ResultsViewProps['translate'];
    render(<ResultsTable results={results} locale="fr" translate={translate} />);
    const [served, unserved] = screen.getAllByRole('row').slice(1);
    expect(within(served!).getByText('Respectés')).toBeTruthy();
    expect(within(unserved!).getByText('Pas encore de données')).toBeTruthy();
  });
});
