import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { ReviewList, type Review } from './ReviewList';

/** 21 h 57 yesterday, in the reader's time zone. */
const yesterdayEvening = () => {
  const at = new Date();
  at.setDate(at.getDate() - 1);
  at.setHours(21, 57, 0, 0);
  return at.toISOString();
};

const review = (id: string, overdue: boolean): Review => ({
  id,
  decisionId: `d-${id}`,
  ruleset: 'enrolment',
  version: 1,
  automatedDecision: [{ type: 'auto_approve' }],
  status: 'open',
  observations: `Observations ${id}`,
  submittedBy: 'analyst',
  submittedAt: '2026-03-01T10:00:00.000Z',
  dueAt: overdue ? '2026-03-31T10:00:00.000Z' : '2099-03-31T10:00:00.000Z',
  overdue,
  ageDays: overdue ? 40 : 1,
  // As the API offers them: a person's review (manual_review) is no decision a reviewer makes.
  outcomes: ['ineligible', 'auto_approve', 'request_documents'],
});

/** The rule sets the queue's filter offers. */
const RULESETS = {
  'GET /api/v1/rulesets': {
    body: [
      { id: 'enrolment', key: 'enrolment', name: 'Adhésion' },
      { id: 'invoices', key: 'invoices', name: 'Factures' },
    ],
    headers: { 'Content-Range': 'rulesets 0-1/2' },
  },
  'GET /api/v1/rulesets/enrolment': { body: { id: 'enrolment', key: 'enrolment', name: 'Adhésion' } },
  // The staff directory: people appear by their names.
  'GET /api/v1/people': {
    body: [
      { username: 'analyst', displayName: 'Analyste (démo)' },
      { username: 'approver', displayName: 'Approbatrice (démo)' },
    ],
  },
};

/** The review queue, as one of these roles sees it. */
const renderQueue = (role: string) =>
  renderConsole(
    <ResourceContextProvider value="reviews">
      <ReviewList />
    </ResourceContextProvider>,
    [role],
  );

describe('ReviewList', () => {
  it('lists open requests by due date, overdue ones marked, and overrides one with a reason and a new decision', async () => {
    const api = fakeApi({
      ...RULESETS,
      'GET /api/v1/reviews': {
        // 40 calendar days ago for the late one; yesterday evening for the other, maybe less than 24 hours ago.
        body: [
          { ...review('1', true), submittedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() },
          { ...review('2', false), submittedAt: yesterdayEvening() },
        ],
        headers: { 'Content-Range': 'reviews 0-1/2' },
      },
      'POST /api/v1/reviews/1/decide': { body: { ...review('1', true), status: 'closed', outcome: 'overridden' } },
    });
    renderQueue('approver');
    const late = (await screen.findByText('Observations 1')).closest('tr')!;
    expect(within(late).getByText(/En retard/)).toBeTruthy();
    // The rule set by its name, linked to its page.
    expect((await within(late).findByRole('link', { name: 'Adhésion' })).getAttribute('href')).toBe(
      '#/rulesets/enrolment/show',
    );
    expect(within(late).getByText('reçue il y a 40 jours')).toBeTruthy();
    const recent = screen.getByText('Observations 2').closest('tr')!;
    expect(within(recent).getByText('reçue hier')).toBeTruthy(); // not « aujourd’hui », though under 24 hours old
    const listCall = api.calls.find((c) => c.url.startsWith('/api/v1/reviews?'))!;
    expect(decodeURIComponent(listCall.url)).toContain('filter={"status":"open"}');
    expect(decodeURIComponent(listCall.url)).toContain('sort=["dueAt","ASC"]');
    // The header of the column sorted by says so to a screen reader, and no other header does.
    const sorted = screen.getAllByRole('columnheader').filter((header) => header.hasAttribute('aria-sort'));
    expect(sorted.map((header) => [header.textContent, header.getAttribute('aria-sort')])).toEqual([
      ['Échéance', 'ascending'],
    ]);

    fireEvent.click(within(late).getByRole('button', { name: /^Trancher — demande reçue le / }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('Modifier la décision'));
    // The outcomes the enrolment tree gives other than the automated one (choosing it would be a confirmation);
    // none is proposed, so saving waits for one.
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      'Non admissible',
      'Documents demandés',
    ]);
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
    fireEvent.change(within(dialog).getByLabelText(/Motif/), { target: { value: 'Date corrigée.' } });
    expect(within(dialog).getByRole('button', { name: 'Enregistrer' })).toHaveProperty('disabled', true);
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: 'Documents demandés' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Demande de révision fermée.')).toBeTruthy();
    expect(api.to('POST', '/api/v1/reviews/1/decide')[0]!.body).toEqual({
      outcome: 'overridden',
      reason: 'Date corrigée.',
      newDecision: { type: 'request_documents' },
    });
  });

  it('narrows the queue to one rule set', async () => {
    const api = fakeApi({
      'GET /api/v1/reviews': { body: [review('1', false)], headers: { 'Content-Range': 'reviews 0-0/1' } },
      ...RULESETS,
    });
    renderQueue('approver');
    await screen.findByText('Observations 1');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Ensemble de règles' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Adhésion' }));
    await waitFor(() =>
      expect(
        api.calls.some((c) => decodeURIComponent(c.url).includes('filter={"status":"open","ruleset":"enrolment"}')),
      ).toBe(true),
    );
    // The chosen rule set is read by its key (no list of the API takes a filter on ids) and stays shown.
    await waitFor(() => expect(api.to('GET', '/api/v1/rulesets/enrolment').length).toBeGreaterThan(0));
    expect(api.calls.some((c) => decodeURIComponent(c.url).includes('"id":'))).toBe(false);
    expect(screen.getByRole('combobox', { name: 'Ensemble de règles' }).textContent).toBe('Adhésion');
  });

  it('offers no decision to those who may only read the queue', async () => {
    fakeApi({
      ...RULESETS,
      'GET /api/v1/reviews': { body: [review('1', false)], headers: { 'Content-Range': 'reviews 0-0/1' } },
    });
    renderQueue('admin');
    await screen.findByText('Observations 1');
    expect(screen.queryByRole('button', { name: /^Trancher — demande reçue le / })).toBeNull();
  });

  it('says when each request came, how, and who recorded it: a staff member by name, or a system by its key’s name', async () => {
    fakeApi({
      ...RULESETS,
      'GET /api/v1/reviews': {
        body: [
          { ...review('1', false), receivedVia: 'phone' },
          {
            ...review('2', false),
            receivedVia: 'online',
            submittedBy: 'api-key:k-1',
            submitterName: 'Portail RH',
          },
        ],
        headers: { 'Content-Range': 'reviews 0-1/2' },
      },
    });
    renderQueue('approver');
    const byPhone = (await screen.findByText('Observations 1')).closest('tr')!;
    expect(await within(byPhone).findByText('Téléphone · Analyste (démo)')).toBeTruthy();
    expect(within(byPhone).getByText(/1 mars 2026/)).toBeTruthy();
    const online = screen.getByText('Observations 2').closest('tr')!;
    expect(within(online).getByText(/^En ligne · Clé API « Portail RH »$/)).toBeTruthy();
    expect(within(online).queryByText(/api-key:k-1/)).toBeNull();
    fireEvent.click(within(online).getByRole('button', { name: /^Trancher — demande reçue le / }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/^Reçue le 1 mars 2026.* · En ligne · Clé API « Portail RH »$/)).toBeTruthy();
  });

  it('offers only to make the decision of a case the rules sent to a person, not to confirm it', async () => {
    const api = fakeApi({
      ...RULESETS,
      'GET /api/v1/reviews': {
        body: [{ ...review('1', false), automatedDecision: [{ type: 'manual_review' }] }],
        headers: { 'Content-Range': 'reviews 0-0/1' },
      },
      'POST /api/v1/reviews/1/decide': { body: { ...review('1', false), status: 'closed' } },
    });
    renderQueue('approver');
    const row = (await screen.findByText('Observations 1')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: /^Trancher — demande reçue le / }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('radio', { name: 'Confirmer la décision automatisée' })).toBeNull();
    const make = within(dialog).getByRole('radio', { name: /^Rendre la décision/ }) as HTMLInputElement;
    expect(make.checked).toBe(true);
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: 'Nouvelle décision' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Approuvée' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), { target: { value: 'Âge vérifié.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(api.to('POST', '/api/v1/reviews/1/decide')).toHaveLength(1));
    expect(api.to('POST', '/api/v1/reviews/1/decide')[0]!.body).toEqual({
      outcome: 'overridden',
      reason: 'Âge vérifié.',
      newDecision: { type: 'auto_approve' },
    });
  });

  it('says of a closed request what was decided, by whom and when, and offers no empty filter menu', async () => {
    fakeApi({
      ...RULESETS,
      'GET /api/v1/reviews': {
        body: [
          {
            ...review('1', true),
            status: 'closed',
            outcome: 'overridden',
            newDecision: { type: 'request_documents' },
            reason: 'Preuve d’assurance manquante.',
            decidedBy: 'approver',
            decidedAt: '2026-03-05T15:00:00.000Z',
          },
        ],
        headers: { 'Content-Range': 'reviews 0-0/1' },
      },
    });
    renderQueue('risk');
    const row = (await screen.findByText('Observations 1')).closest('tr')!;
    expect(within(row).getByText('Décision modifiée : Documents demandés')).toBeTruthy();
    expect(await within(row).findByText(/^par Approbatrice \(démo\), le 5 mars 2026/)).toBeTruthy();
    // Decided after its due date, and why: a risk officer checking deadlines opened each receipt to learn it.
    expect(within(row).getByText(/ — décidée en retard$/)).toBeTruthy();
    expect(within(row).getByText(/^Motif\s:\sPreuve d’assurance manquante\.$/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ajouter un filtre' })).toBeNull();
  });
});
