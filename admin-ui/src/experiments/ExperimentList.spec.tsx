import { fireEvent, screen } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { ExperimentList } from './ExperimentList';

const stopped = {
  id: 'chatbot-brievete',
  key: 'chatbot-brievete',
  name: 'Brièveté des réponses',
  archived: true,
  activeVersion: 1,
  draftVersion: null,
  updatedAt: '2026-12-04T10:00:00.000Z',
};

describe('ExperimentList', () => {
  it('shows stopped experiments at a switch: stopping archives one, and its results stay readable', async () => {
    const api = fakeApi({
      'GET /api/v1/experiments': ({ url }) => {
        const filter = JSON.parse(new URL(url, 'http://console').searchParams.get('filter') ?? '{}') as {
          archived?: boolean;
        };
        return filter.archived
          ? { body: [stopped], headers: { 'Content-Range': 'experiments 0-0/1' } }
          : { body: [], headers: { 'Content-Range': 'experiments */0' } };
      },
    });
    renderConsole(
      <ResourceContextProvider value="experiments">
        <ExperimentList />
      </ResourceContextProvider>,
      ['approver'],
    );
    // None running: the switch stays in view (not the « create one » page), and the stopped one is a click away.
    const only = await screen.findByRole('switch', { name: 'Arrêtées seulement' });
    expect(screen.queryByText('Brièveté des réponses')).toBeNull();
    fireEvent.click(only);
    expect(await screen.findByText('Brièveté des réponses')).toBeTruthy();
    expect(api.calls.some((c) => c.url.includes(encodeURIComponent('"archived":true')))).toBe(true);
  });
});
