import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { RunningElsewhereOnPublish } from './RunningElsewhere';

describe('the publish dialog of an experiment', () => {
  it('names the experiment already running on the version’s prompt, as publishing would be refused', async () => {
    fakeApi({
      'GET /api/v1/experiments/accueil-ab/versions/1': { body: { content: { prompt: 'accueil' } } },
      'GET /api/v1/prompts/accueil/experiments': { body: [{ experiment: 'ton', fallback: false }] },
      'GET /api/v1/experiments/ton': { body: { id: 'ton', key: 'ton', name: 'Ton de l’accueil' } },
    });
    renderConsole(<RunningElsewhereOnPublish experimentKey="accueil-ab" version={1} />, ['approver']);
    const warning = await screen.findByTestId('experiment-running-elsewhere');
    await waitFor(() =>
      expect(warning.textContent).toMatch(/L’expérience «\s?Ton de l’accueil\s?» est en cours sur ce gabarit/),
    );
  });

  it('says nothing when the prompt serves only this experiment', async () => {
    const api = fakeApi({
      'GET /api/v1/experiments/accueil-ab/versions/1': { body: { content: { prompt: 'accueil' } } },
      'GET /api/v1/prompts/accueil/experiments': { body: [{ experiment: 'accueil-ab', fallback: false }] },
    });
    renderConsole(<RunningElsewhereOnPublish experimentKey="accueil-ab" version={1} />, ['approver']);
    await waitFor(() => expect(api.to('GET', '/api/v1/prompts/accueil/experiments')).toHaveLength(1));
    expect(screen.queryByTestId('experiment-running-elsewhere')).toBeNull();
  });
});
