import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, renderConsole } from '../common/testing/fake-api';
import { LastRejection } from './LastRejection';
import { PendingChange } from './PendingChange';
import type { LoadedTable } from './useReferenceTable';

const table = (pending: object) =>
  ({
    table: {
      key: 'seuils',
      name: 'Seuils',
      columns: [{ name: 'code', type: 'string' }],
      keyColumn: 'code',
      rows: [{ code: 'a' }, { code: 'b' }, { code: 'c' }],
      revision: 4,
      pending: {
        action: 'deleted',
        proposedBy: 'analyst',
        proposedAt: '2026-12-06T10:00:00.000Z',
        counts: { added: 0, removed: 3, changed: 0 },
        // No row after a deletion (the API said 3 before).
        rowCount: 0,
        readers: [],
        changes: [],
        ...pending,
      },
    },
    etag: '"4"',
  }) as unknown as LoadedTable;

describe('a change to a table awaiting approval', () => {
  it('says a deletion takes the table’s rows with it, not that the table « would have » them', async () => {
    fakeApi({ 'GET /api/v1/people': { body: [] } });
    renderConsole(<PendingChange loaded={table({})} onDecided={() => undefined} reload={() => Promise.resolve()} />, [
      'approver',
    ]);
    const banner = await screen.findByTestId('pending-change');
    expect(banner.textContent).toContain('La table est supprimée. Ses 3 lignes disparaîtraient avec elle.');
    expect(banner.textContent).not.toContain('compterait');
  });

  it('says approving a deletion removes the rows, and shows the table as it is when the change went meanwhile', async () => {
    fakeApi({
      'GET /api/v1/people': { body: [] },
      'POST /api/v1/reference-tables/seuils/pending/approve': apiError(
        412,
        'stale_etag',
        'This table was changed by someone else since you read it.',
      ),
    });
    let reloaded = 0;
    renderConsole(
      <PendingChange
        loaded={table({})}
        onDecided={() => undefined}
        reload={() => {
          reloaded++;
          return Promise.resolve();
        }}
      />,
      ['approver'],
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Approuver la modification' }));
    const dialog = await screen.findByRole('dialog');
    // It said « Les lignes proposées remplacent les lignes actuelles » of a deletion.
    expect(dialog.textContent).toMatch(/La table et ses lignes sont supprimées/);
    fireEvent.click(screen.getAllByRole('button', { name: 'Approuver la modification' }).at(-1)!);
    await screen.findByText(/La modification en attente a changé depuis que vous l’avez ouverte/);
    await waitFor(() => expect(reloaded).toBe(1));
    expect(screen.queryByText(/ce brouillon/)).toBeNull();
  });

  it('tells who proposed a change, who rejected it and why, by their names', async () => {
    fakeApi({
      'GET /api/v1/people': {
        body: [
          { username: 'analyst', displayName: 'Léa Roy' },
          { username: 'approver', displayName: 'Max Côté' },
        ],
      },
    });
    renderConsole(
      <LastRejection
        rejected={{
          action: 'rows_replaced',
          proposedBy: 'analyst',
          proposedAt: '2026-12-06T10:00:00.000Z',
          rejectedBy: 'approver',
          rejectedAt: '2026-12-06T15:00:00.000Z',
          comment: 'Ce niveau n’existe pas.',
        }}
      />,
      ['analyst'],
    );
    const notice = await screen.findByTestId('last-rejection');
    await waitFor(() => expect(notice.textContent).toContain('Léa Roy'));
    expect(notice.textContent).toMatch(
      /^La modification proposée par Léa Roy le 6 décembre 2026.* a été rejetée par Max Côté le .*«\sCe niveau n’existe pas\.\s»$/,
    );
  });

  it('highlights in a changed row the values that change, on both sides, and says what the highlight means', async () => {
    fakeApi({ 'GET /api/v1/people': { body: [] } });
    const loaded = table({
      action: 'rows_replaced',
      counts: { added: 1, removed: 0, changed: 1 },
      changes: [
        { key: 'a', before: { code: 'a', rate: 0.05, label: 'TPS' }, after: { code: 'a', rate: 0.06, label: 'TPS' } },
        { key: 'd', before: null, after: { code: 'd', rate: 0.1, label: 'Nouvelle' } },
      ],
    });
    loaded.table.columns = [
      { name: 'code', type: 'string' },
      { name: 'rate', type: 'number' },
      { name: 'label', type: 'string' },
    ] as typeof loaded.table.columns;
    renderConsole(<PendingChange loaded={loaded} onDecided={() => undefined} reload={() => Promise.resolve()} />, [
      'approver',
    ]);
    const changes = await screen.findByRole('table', { name: 'Lignes touchées par la modification, avant et après' });
    const marked = [...changes.querySelectorAll('mark')].map((m) => m.textContent);
    // Only the rate of row « a », before and after; nothing of the added row, which has no other side.
    expect(marked).toEqual(['rate\u00a0: 0,05', 'rate\u00a0: 0,06']);
    expect(screen.getByTestId('pending-change').textContent).toContain(
      'En surbrillance\u00a0: les valeurs qui changent.',
    );
  });
});
