import { screen } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from './testing/fake-api';
import { RulesetList } from '../rulesets/RulesetList';
import { UserList } from '../users/UserList';

describe('a list row from the keyboard', () => {
  it('names each rule set by a link to its page, which the keyboard can reach', async () => {
    fakeApi({
      'GET /api/v1/rulesets': {
        body: [{ id: 'invoices', key: 'invoices', name: 'Factures', pilot: 'invoices', format: 'rules' }],
        headers: { 'Content-Range': 'rulesets 0-0/1' },
      },
    });
    renderConsole(
      <ResourceContextProvider value="rulesets">
        <RulesetList />
      </ResourceContextProvider>,
    );
    const link = await screen.findByRole('link', { name: 'invoices' });
    // The page's level-1 heading, for those who move by headings.
    expect(screen.getByRole('heading', { level: 1, name: 'Ensembles de règles' })).toBeTruthy();
    expect(link.getAttribute('href')).toBe('#/rulesets/invoices/show');
    link.focus();
    expect(document.activeElement).toBe(link);
  });

  it('opens an account for editing from its name', async () => {
    fakeApi({
      'GET /api/v1/users': {
        body: [{ id: 'lea', username: 'lea', displayName: 'Léa', roles: ['analyst'], disabled: false }],
        headers: { 'Content-Range': 'users 0-0/1' },
      },
    });
    renderConsole(
      <ResourceContextProvider value="users">
        <UserList />
      </ResourceContextProvider>,
      ['admin'],
    );
    const link = await screen.findByRole('link', { name: 'lea' });
    expect(link.getAttribute('href')).toBe('#/users/lea');
  });
});
