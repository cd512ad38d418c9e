import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
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
        rowCount: 3,
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
    renderConsole(<PendingChange loaded={table({})} onDecided={() => undefined} />, ['approver']);
    const banner = await screen.findByTestId('pending-change');
    expect(banner.textContent).toContain('La table est supprimée. Ses 3 lignes disparaîtraient avec elle.');
    expect(banner.textContent).not.toContain('compterait');
  });
});
