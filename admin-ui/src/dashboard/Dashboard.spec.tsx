import { fireEvent, render, screen } from '@testing-library/react';
import { AdminContext, type AuthProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { i18nProvider } from '../i18n/i18nProvider';
import { Dashboard } from './Dashboard';

const signedInAs = (fullName: string, roles: string[]): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: 'u', fullName, roles }),
  getPermissions: async () => roles,
});

describe('Dashboard', () => {
  it('greets the user in French and names each role', async () => {
    render(
      <AdminContext authProvider={signedInAs('Approbatrice (démo)', ['approver', 'risk'])} i18nProvider={i18nProvider}>
        <Dashboard />
      </AdminContext>,
    );
    expect(await screen.findByRole('heading', { name: 'Bienvenue, Approbatrice (démo)' })).toBeTruthy();
    expect(screen.getByText('Approbation')).toBeTruthy();
    expect(screen.getByText('Gestion des risques')).toBeTruthy();
    expect(screen.getByRole('link', { name: "Documentation de l'API" }).getAttribute('href')).toBe('/api/docs');
  });

  it('does not say nothing waits while review requests do', async () => {
    const empty = (resource: string) => ({ body: [], headers: { 'Content-Range': `${resource} 0-0/0` } });
    const reviews = {
      body: [{ id: 'r1', status: 'open', overdue: false }],
      headers: { 'Content-Range': 'reviews 0-0/1' },
    };
    const lists = {
      'GET /api/v1/rulesets': empty('rulesets'),
      'GET /api/v1/prompts': empty('prompts'),
      'GET /api/v1/experiments': empty('experiments'),
      'GET /api/v1/reference-tables': empty('reference-tables'),
    };
    fakeApi({ ...lists, 'GET /api/v1/reviews': reviews });
    const { unmount } = renderConsole(<Dashboard />, ['approver']);
    expect(await screen.findByRole('link', { name: '1 demande de révision ouverte' })).toBeTruthy();
    expect(screen.queryByText('Rien ne vous attend pour le moment.')).toBeNull();
    unmount();

    fakeApi({ ...lists, 'GET /api/v1/reviews': empty('reviews') });
    renderConsole(<Dashboard />, ['approver']);
    expect(await screen.findByText('Rien ne vous attend pour le moment.')).toBeTruthy();
  });

  it('names who proposed a table change as the table’s page does, by their name', async () => {
    const empty = (resource: string) => ({ body: [], headers: { 'Content-Range': `${resource} 0-0/0` } });
    fakeApi({
      'GET /api/v1/rulesets': empty('rulesets'),
      'GET /api/v1/prompts': empty('prompts'),
      'GET /api/v1/experiments': empty('experiments'),
      'GET /api/v1/reviews': empty('reviews'),
      'GET /api/v1/reference-tables': {
        body: [{ id: 'seuils', key: 'seuils', name: 'Seuils', pending: { proposedBy: 'analyst' } }],
        headers: { 'Content-Range': 'reference-tables 0-0/1' },
      },
      'GET /api/v1/people': { body: [{ username: 'analyst', displayName: 'Analyste (démo)' }] },
    });
    renderConsole(<Dashboard />, ['approver']);
    expect(await screen.findByRole('link', { name: /proposée par Analyste \(démo\)/ })).toBeTruthy();
  });

  it('tells the author of a rejected table change who rejected it and why, a link to the table', async () => {
    const empty = (resource: string) => ({ body: [], headers: { 'Content-Range': `${resource} 0-0/0` } });
    fakeApi({
      'GET /api/v1/rulesets': empty('rulesets'),
      'GET /api/v1/prompts': empty('prompts'),
      'GET /api/v1/experiments': empty('experiments'),
      'GET /api/v1/reviews': empty('reviews'),
      'GET /api/v1/reference-tables': {
        body: [
          {
            id: 'seuils',
            key: 'seuils',
            name: 'Seuils',
            lastRejected: { proposedBy: 'analyste', rejectedBy: 'approver', comment: 'Il manque le seuil du DG.' },
          },
        ],
        headers: { 'Content-Range': 'reference-tables 0-0/1' },
      },
      'GET /api/v1/people': { body: [{ username: 'approver', displayName: 'Approbatrice (démo)' }] },
    });
    renderConsole(<Dashboard />, ['analyst']);
    const link = await screen.findByRole('link', {
      name: /Table de référence «\s?Seuils\s?»\s?: votre modification, rejetée par Approbatrice \(démo\)/,
    });
    expect(link.getAttribute('href')).toMatch(/\/reference-tables\/seuils\/show$/);
    expect(screen.getByText('Modification rejetée')).toBeTruthy();
    expect(screen.getByText(/Motif du rejet\s?: Il manque le seuil du DG\./)).toBeTruthy();
  });

  it('lets a person mark an experiment that stopped itself as seen: it leaves their list', async () => {
    const empty = (resource: string) => ({ body: [], headers: { 'Content-Range': `${resource} 0-0/0` } });
    const halted = {
      id: 'brievete',
      key: 'brievete',
      name: 'Brièveté',
      archived: true,
      activeVersion: 1,
      halt: { reason: 'guardrail', metric: 'error_rate', at: '2026-12-07T10:00:00.000Z' },
      versions: [{ number: 1, status: 'published', authors: ['analyst'] }],
    };
    fakeApi({
      'GET /api/v1/rulesets': empty('rulesets'),
      'GET /api/v1/prompts': empty('prompts'),
      'GET /api/v1/experiments': (call) =>
        call.url.includes('archived')
          ? { body: [halted], headers: { 'Content-Range': 'experiments 0-0/1' } }
          : empty('experiments'),
      'GET /api/v1/reviews': empty('reviews'),
      'GET /api/v1/reference-tables': empty('reference-tables'),
    });
    renderConsole(<Dashboard />, ['analyst']);
    const seen = await screen.findByRole('button', { name: /^Marquer comme vu l’arrêt de «\s?Brièveté\s?»$/ });
    expect(screen.getByText('Arrêtée automatiquement')).toBeTruthy();
    fireEvent.click(seen);
    expect(await screen.findByText('Rien ne vous attend pour le moment.')).toBeTruthy();
    expect(screen.queryByText('Arrêtée automatiquement')).toBeNull();
  });

  it('tells apart two items of the same name by their keys', async () => {
    const empty = (resource: string) => ({ body: [], headers: { 'Content-Range': `${resource} 0-0/0` } });
    const inReview = (key: string) => ({
      id: key,
      key,
      name: 'Routage des factures',
      archived: false,
      versions: [{ number: 1, status: 'in_review', authors: ['analyst'] }],
    });
    fakeApi({
      'GET /api/v1/rulesets': {
        body: [inReview('routage'), inReview('routage-copie')],
        headers: { 'Content-Range': 'rulesets 0-1/2' },
      },
      'GET /api/v1/prompts': empty('prompts'),
      'GET /api/v1/experiments': empty('experiments'),
      'GET /api/v1/reviews': empty('reviews'),
      'GET /api/v1/reference-tables': empty('reference-tables'),
    });
    renderConsole(<Dashboard />, ['approver']);
    expect(await screen.findByRole('link', { name: /«\s?Routage des factures \(routage\)\s?»/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /«\s?Routage des factures \(routage-copie\)\s?»/ })).toBeTruthy();
  });
});
