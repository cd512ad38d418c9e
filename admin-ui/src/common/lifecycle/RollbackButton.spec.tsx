import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../testing/fake-api';
import { RollbackButton } from './RollbackButton';
import type { VersionRecord } from './version-actions';

const ROLLBACK = '/api/v1/rulesets/remises/rollback';
const later = new Date(Date.UTC(2099, 0, 4, 14, 5)).toISOString();
const before = [{ effectiveFrom: '2026-01-05T14:00:00.000Z' }];
const published = (number: number, extra: Partial<VersionRecord> = {}): VersionRecord => ({
  number,
  status: 'published',
  authors: ['redactrice'],
  checksum: `sha256:${number}`,
  ...extra,
});

const open = async (versions: VersionRecord[]) => {
  renderConsole(<RollbackButton resource="rulesets" id="remises" versions={versions} activeVersion={2} />, [
    'approver',
  ]);
  fireEvent.click(await screen.findByRole('button', { name: 'Revenir à une version' }));
  return screen.getByRole('dialog', { name: 'Revenir à une version' });
};

describe('rolling back', () => {
  it('warns that a publication scheduled for later will replace the version put back, on its date', async () => {
    const api = fakeApi({ [`POST ${ROLLBACK}`]: { body: {} } });
    const dialog = await open([
      published(1, { status: 'retired', publications: before }),
      published(2, { inForce: true, publications: before }),
      published(3, { publications: [{ effectiveFrom: later }] }),
    ]);
    const warning = within(dialog).getByRole('alert');
    expect(warning.textContent).toMatch(/La version 3 est programmée pour le 4 janvier 2099/);
    expect(warning.textContent).toMatch(/remplacera la version remise en vigueur.*déprogrammez-la/);

    // The warning does not stand in the way: the approver may still roll back.
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    // Only a version that was in force is offered: version 3 never was (it is published on its date, or withdrawn).
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      expect.stringMatching(/^Version 1, en vigueur juste avant \(mise en vigueur le 5 janvier 2026/),
    ]);
    fireEvent.click(await screen.findByRole('option', { name: /^Version 1,/ }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), { target: { value: 'Erreur de taux' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revenir à une version' }));
    await waitFor(() => expect(api.to('POST', ROLLBACK)).toHaveLength(1));
    // With the version in force the page shows, so a publication meanwhile refuses it rather than be undone.
    expect(api.to('POST', ROLLBACK)[0]!.body).toEqual({ version: 1, comment: 'Erreur de taux', from: 2 });
  });

  it('lists the versions most recently in force first, the one just before the current one said so', async () => {
    fakeApi({});
    const dialog = await open([
      published(1, { status: 'retired', publications: [{ effectiveFrom: '2026-01-05T14:00:00.000Z' }] }),
      published(2, { inForce: true, publications: [{ effectiveFrom: '2026-09-01T14:00:00.000Z' }] }),
      published(3, { status: 'retired', publications: [{ effectiveFrom: '2026-03-02T14:00:00.000Z' }] }),
    ]);
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual([
      expect.stringMatching(/^Version 3, en vigueur juste avant \(mise en vigueur le 2 mars 2026/),
      expect.stringMatching(/^Version 1, mise en vigueur pour la dernière fois le 5 janvier 2026/),
    ]);
  });

  it('warns of nothing when no publication waits', async () => {
    fakeApi({});
    const dialog = await open([
      published(1, { status: 'retired', publications: before }),
      published(2, { inForce: true, publications: before }),
    ]);
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });
});
