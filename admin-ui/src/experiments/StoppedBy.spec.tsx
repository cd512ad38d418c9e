import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole, ShowPage } from '../common/testing/fake-api';
import { StoppedBy } from './ExperimentShow';
import { RecordHeading } from '../common/PageHeadings';

const experiment = (extra: object) => ({
  id: 'brievete',
  key: 'brievete',
  name: 'Brièveté',
  archived: true,
  activeVersion: null,
  draftVersion: null,
  latestVersion: 1,
  scheduled: [],
  versions: [],
  updatedAt: '2026-12-07T10:00:00.000Z',
  ...extra,
});

describe('a stopped experiment', () => {
  it('says who stopped it, when and why, by their name', async () => {
    fakeApi({
      'GET /api/v1/experiments/brievete': {
        body: experiment({ archival: { by: 'approver', at: '2026-12-07T10:00:00.000Z', comment: 'Assez de données' } }),
      },
      'GET /api/v1/people': { body: [{ username: 'approver', displayName: 'Approbatrice (démo)' }] },
    });
    renderConsole(
      <ShowPage resource="experiments" id="brievete">
        <RecordHeading />
        <StoppedBy />
      </ShowPage>,
    );
    const said = await screen.findByTestId('experiment-stopped-by');
    // The page's level-1 heading names the record, for those who move by headings.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^Expérience «\s?Brièveté\s?»$/);
    await waitFor(() =>
      expect(said.textContent).toMatch(/^Arrêtée le .+ par Approbatrice \(démo\)\s?: «\s?Assez de données\s?»$/),
    );
  });

  it('leaves an automatic stop to the results, which say its metric', async () => {
    const api = fakeApi({
      'GET /api/v1/experiments/brievete': {
        body: experiment({
          archival: { by: 'system', at: '2026-12-07T10:00:00.000Z' },
          halt: { reason: 'guardrail', metric: 'error_rate' },
        }),
      },
      'GET /api/v1/people': { body: [] },
    });
    renderConsole(
      <ShowPage resource="experiments" id="brievete">
        <StoppedBy />
      </ShowPage>,
    );
    await waitFor(() => expect(api.to('GET', '/api/v1/experiments/brievete')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByTestId('experiment-stopped-by')).toBeNull();
  });
});
