import { describe, expect, it } from 'vitest';
import { versionActions } from './version-actions';

describe('versionActions', () => {
  it('offers submit to analysts on drafts only', () => {
    expect(versionActions({ number: 1, status: 'draft', authors: ['ana'] }, { id: 'ana', roles: ['analyst'] })).toEqual(
      [{ action: 'submit' }],
    );
    expect(
      versionActions({ number: 1, status: 'draft', authors: ['ana'] }, { id: 'appro', roles: ['approver'] }),
    ).toEqual([]);
  });

  it('disables approve and reject for an approver who wrote the version, saying why', () => {
    const own = versionActions(
      { number: 2, status: 'in_review', authors: ['both'] },
      { id: 'both', roles: ['analyst', 'approver'] },
    );
    expect(own).toEqual([
      { action: 'approve', disabledReason: 'gabarit.lifecycle.four_eyes' },
      { action: 'reject', disabledReason: 'gabarit.lifecycle.four_eyes' },
    ]);
    expect(
      versionActions({ number: 2, status: 'in_review', authors: ['ana'] }, { id: 'appro', roles: ['approver'] }),
    ).toEqual([{ action: 'approve' }, { action: 'reject' }]);
  });

  it('offers publish on approved versions to approvers, nothing to risk officers', () => {
    expect(
      versionActions({ number: 3, status: 'approved', authors: ['ana'] }, { id: 'appro', roles: ['approver'] }),
    ).toEqual([{ action: 'publish' }]);
    expect(versionActions({ number: 3, status: 'approved', authors: ['ana'] }, { id: 'r', roles: ['risk'] })).toEqual(
      [],
    );
  });
});
