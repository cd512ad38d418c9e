import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { AuditList } from './AuditList';
import { textBesidePhoneLabel } from '../common/testing/phone-label';

const event = {
  id: 'e1',
  seq: 1,
  at: '2025-03-01T10:00:00.000Z',
  actor: 'analyste',
  action: 'ruleset.created',
  resourceType: 'ruleset',
  resourceKey: 'fraude',
};

/** The trail of these events as a risk officer sees it; `more` answers other reads (the people directory). */
const renderTrail = (events: object[], more: Parameters<typeof fakeApi>[0] = {}) => {
  const range = `audit 0-${events.length - 1}/${events.length}`;
  const api = fakeApi({ 'GET /api/v1/audit': { body: events, headers: { 'Content-Range': range } }, ...more });
  renderConsole(
    <ResourceContextProvider value="audit">
      <AuditList />
    </ResourceContextProvider>,
    ['risk'],
  );
  return api;
};

/** The rows of the open event's « Détails » table, each as its cells' text. */
const detailRows = async () => {
  const table = await screen.findByRole('table', { name: 'Détails' });
  return [...table.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => cell.textContent),
  );
};

describe('AuditList', () => {
  it('checks the hash chain through the data provider on demand and says where it broke', async () => {
    const api = fakeApi({
      'GET /api/v1/audit': { body: [event], headers: { 'Content-Range': 'audit 0-0/1' } },
      'GET /api/v1/audit/verify': {
        body: { ok: false, events: 4, brokenAt: { seq: 5, eventId: 'e5', reason: 'hash_mismatch' } },
      },
    });
    renderConsole(
      <ResourceContextProvider value="audit">
        <AuditList />
      </ResourceContextProvider>,
      ['risk'],
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Vérifier la chaîne' }));
    // One of the page's live regions (the export's says when its file came).
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        "Chaîne rompue à l'événement 5\u00a0: contenu modifié.",
      ),
    );
    expect(api.to('GET', '/api/v1/audit/verify')).toHaveLength(1);
  });

  it('words actions and sign-in failure reasons, and shows a reason a person wrote as written', async () => {
    const events = [
      {
        ...event,
        id: 'e4',
        seq: 4,
        actor: 'analyst',
        action: 'auth.login_failed',
        resourceType: 'user',
        reason: 'bad_password',
      },
      {
        ...event,
        id: 'e5',
        seq: 5,
        actor: 'unknown-user:7ab9e5dee494d157',
        action: 'auth.login_failed',
        resourceType: 'user',
        reason: 'unknown_user',
      },
      { ...event, id: 'e3', seq: 3, action: 'auth.logout', resourceType: 'user' },
      { ...event, id: 'e2', seq: 2, action: 'ruleset.rejected', reason: 'Seuil à revoir' },
      { ...event, id: 'e1', seq: 1, action: 'ruleset.imported', reason: 'rulesets/invoices/invoices.json' },
    ];
    fakeApi({ 'GET /api/v1/audit': { body: events, headers: { 'Content-Range': 'audit 0-3/4' } } });
    renderConsole(
      <ResourceContextProvider value="audit">
        <AuditList />
      </ResourceContextProvider>,
      ['risk'],
    );
    expect(await screen.findAllByText('Échec de connexion')).toHaveLength(2);
    expect(screen.getByText('mot de passe incorrect')).toBeTruthy();
    // Nobody proved they were « analyst »: the username is shown as typed, not as the person's name.
    expect(screen.getByText(/^connexion au compte «\s?analyst\s?» \(non authentifiée\)$/)).toBeTruthy();
    // A name no account has is kept masked: it is not said to be what was typed.
    expect(screen.getByText('identifiant inconnu (masqué, 7ab9e5dee494d157)')).toBeTruthy();
    expect(screen.getByText('Déconnexion')).toBeTruthy();
    expect(screen.getByText('Seuil à revoir')).toBeTruthy();
    expect(screen.getByText('Importé de rulesets/invoices/invoices.json')).toBeTruthy(); // in the reader's language
    expect(screen.queryByText(/bad_password|auth\.logout/)).toBeNull();
  });

  /** Opens one event of the list as a risk officer does: its comparison table, and its rows' cells. */
  async function comparisonOf(summary: object, action: string, label: string) {
    fakeApi({
      'GET /api/v1/audit': {
        body: [{ ...event, id: 'e5', seq: 5, action, summary }],
        headers: { 'Content-Range': 'audit 0-0/1' },
      },
    });
    renderConsole(
      <ResourceContextProvider value="audit">
        <AuditList />
      </ResourceContextProvider>,
      ['risk'],
    );
    fireEvent.click(await screen.findByText(label));
    const table = await screen.findByRole('table', { name: 'Avant et après' });
    const rows = [...table.querySelectorAll('tbody tr')]
      .map((row) => [...row.querySelectorAll('td')].map(textBesidePhoneLabel))
      .filter((cells) => cells.length > 0);
    return { table, rows };
  }

  it('names the before and after of an event in words: keys, and statuses', async () => {
    const { rows } = await comparisonOf(
      { before: { status: 'in_review' }, after: { status: 'approved', checksum: 'abc' } },
      'ruleset.approved',
      'Ensemble de règles approuvé',
    );
    expect(rows).toEqual([
      ['Statut', 'En revue', 'Approuvée', 'Modifié'],
      ['Empreinte du contenu', '(absent)', 'abc', 'Ajouté'],
    ]);
  });

  it('shows a table change’s rows one a line, each column named, numbers grouped as the table shows them', async () => {
    const { rows } = await comparisonOf(
      {
        before: { rows: 3, changedRows: [{ level: 'team_lead', below: 5000 }, null] },
        after: {
          rows: 4,
          changedRows: [
            { level: 'team_lead', below: 6000 },
            { level: 'director', below: null },
          ],
        },
      },
      'reference_table.change_proposed',
      'Modification de table de référence proposée',
    );
    expect(rows).toContainEqual([
      'Lignes ajoutées, retirées ou modifiées',
      'below\u00a0: 5\u00a0000 · level\u00a0: team_lead\n—',
      'below\u00a0: 6\u00a0000 · level\u00a0: team_lead\nbelow\u00a0: ∅ · level\u00a0: director',
      'Modifié',
    ]);
  });

  it('says in words why a shadow run ended', async () => {
    const { rows } = await comparisonOf(
      { before: { shadow: 'r1', percent: 50 }, after: { endedBy: 'scheduled' } },
      'ruleset.shadow_stopped',
      'Comparaison en direct arrêtée',
    );
    expect(rows.find((cells) => cells[0] === 'Fin de la comparaison')?.[2]).toBe(
      'la version a été programmée pour entrer en vigueur plus tard',
    );
  });

  it('names a publication’s window in words, and writes instants as dates', async () => {
    const { table, rows } = await comparisonOf(
      { before: { activeVersion: 1 }, after: { activeVersion: 2, effectiveFrom: '2026-12-03T23:29:06.013Z' } },
      'ruleset.published',
      // Published on 2025-03-01 for 2026-12-03: scheduled, not « publié », which would read as in force.
      "Publication d'un ensemble de règles programmée",
    );
    expect(rows.find((cells) => cells[0] === 'En vigueur à partir du')?.[2]).toMatch(/^3 décembre 2026/);
    expect(table.textContent).not.toMatch(/effectiveFrom|2026-12-03T/);
  });

  it('says a publication that took effect at once is published', async () => {
    await comparisonOf(
      { before: { activeVersion: 1 }, after: { activeVersion: 2, effectiveFrom: event.at } },
      'ruleset.published',
      'Ensemble de règles publié',
    );
  });
  it('names a system by its API key’s name, read from the trail, and keeps the id it acted under on hover', async () => {
    const byKey = {
      ...event,
      id: 'e9',
      seq: 9,
      actor: 'api-key:k-1',
      action: 'review.submitted',
      resourceType: 'review',
    };
    const created = {
      ...event,
      id: 'e2',
      seq: 2,
      actor: 'admin',
      action: 'api_key.created',
      resourceType: 'api_key',
      resourceKey: 'k-1',
      details: { name: 'Portail des assurés', scopes: ['decisions:receipt:enrolment'] },
    };
    const api = fakeApi({
      'GET /api/v1/audit': ({ url }) => {
        const filter = JSON.parse(new URL(url, 'http://console').searchParams.get('filter') ?? '{}') as object;
        const one = (e: object) => ({ body: [e], headers: { 'Content-Range': 'audit 0-0/1' } });
        return JSON.stringify(filter) === '{"resourceType":"api_key","resourceKey":"k-1","action":"api_key.created"}'
          ? one(created)
          : one(byKey);
      },
    });
    renderConsole(
      <ResourceContextProvider value="audit">
        <AuditList />
      </ResourceContextProvider>,
      ['risk'],
    );
    const name = await screen.findByText(/^Clé API « Portail des assurés »$/);
    expect(name.getAttribute('title')).toBe('api-key:k-1');
    expect(screen.queryByText(/api-key:k-1/)).toBeNull();
    // Opened, the event writes the id out beside the name: names may repeat, and a hover cannot be copied.
    fireEvent.click(name);
    expect(await screen.findByText(/^Clé API « Portail des assurés » \(api-key:k-1\)$/)).toBeTruthy();
    expect(api.calls.filter((c) => c.url.includes('api_key.created'))).toHaveLength(1);
  });

  it('names a person by their display name, with the username they acted under on hover and in the detail', async () => {
    fakeApi({
      'GET /api/v1/audit': { body: [{ ...event, actor: 'approver' }], headers: { 'Content-Range': 'audit 0-0/1' } },
      'GET /api/v1/people': { body: [{ username: 'approver', displayName: 'Approbatrice (démo)' }] },
    });
    renderConsole(
      <ResourceContextProvider value="audit">
        <AuditList />
      </ResourceContextProvider>,
      ['risk'],
    );
    const name = await screen.findByText(/^Approbatrice \(démo\)$/);
    expect(name.getAttribute('title')).toBe('approver');
    fireEvent.click(name);
    expect(await screen.findByText(/^Approbatrice \(démo\) \(approver\)$/)).toBeTruthy();
  });

  it('filters by a person chosen by the name the list shows, searching the trail by their username', async () => {
    const api = fakeApi({
      'GET /api/v1/audit': { body: [{ ...event, actor: 'approver' }], headers: { 'Content-Range': 'audit 0-0/1' } },
      'GET /api/v1/people': {
        body: [
          { username: 'approver', displayName: 'Approbatrice (démo)' },
          { username: 'analyst', displayName: 'Analyste (démo)' },
        ],
      },
    });
    renderConsole(
      <ResourceContextProvider value="audit">
        <AuditList />
      </ResourceContextProvider>,
      ['risk'],
    );
    const actor = await screen.findByRole('combobox', { name: 'Acteur' });
    fireEvent.change(actor, { target: { value: 'Approb' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Approbatrice (démo) (approver)' }));
    await waitFor(() =>
      expect(api.calls.some((c) => decodeURIComponent(c.url).includes('"actor":"approver"'))).toBe(true),
    );
  });

  it('says in French which filter the API refused, in place of the rows and count of the search before', async () => {
    const refused = {
      status: 400,
      body: {
        error: 'validation_failed',
        message: 'The list query is invalid.',
        details: [
          {
            path: '/filter/resourceKey',
            message: 'must NOT have more than 128 characters',
            keyword: 'maxLength',
            params: { limit: 128 },
          },
        ],
      },
    };
    fakeApi({
      'GET /api/v1/audit': (call) =>
        decodeURIComponent(call.url).includes('resourceKey')
          ? refused
          : { body: [event], headers: { 'Content-Range': 'audit 0-0/1' } },
    });
    renderConsole(
      <ResourceContextProvider value="audit">
        <AuditList />
      </ResourceContextProvider>,
      ['risk'],
    );
    // The rows shown are a status: a screen reader hears the new ones after « page suivante » or a new filter.
    expect((await screen.findByText('1-1 sur 1')).getAttribute('role')).toBe('status');
    expect(screen.getAllByText('fraude').length).toBeGreaterThan(0);
    const key = await screen.findByRole('textbox', { name: 'Ressource (clé exacte)' });
    expect(key.getAttribute('maxlength')).toBe('128');
    fireEvent.change(key, { target: { value: 'x'.repeat(129) } });
    const said = await screen.findByTestId('list-load-error', {}, { timeout: 3000 });
    expect(said.textContent).toMatch(/^Cette recherche ne peut pas être faite\s?:/);
    expect(said.textContent).toMatch(/«\sRessource\s» .*128 caractères/);
    expect(said.textContent).not.toMatch(/list query/);
    // The event of the search before and its count are gone: they did not answer this one.
    expect(screen.queryByText('fraude')).toBeNull();
    expect(screen.queryByText('1-1 sur 1')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Journal d'audit");
  });

  it('words a table change approved by another person: who proposed and approved it, and which rule sets read it', async () => {
    const approved = {
      ...event,
      id: 'e9',
      seq: 9,
      actor: 'approver',
      action: 'reference_table.rows_replaced',
      resourceType: 'reference_table',
      details: { proposedBy: 'analyst', approvedBy: 'approver', readers: ['invoices-approval-routing', 'autre'] },
    };
    renderTrail([approved], {
      'GET /api/v1/people': { body: [{ username: 'analyst', displayName: 'Analyste (démo)' }] },
    });
    fireEvent.click(await screen.findByText('Lignes de la table de référence modifiées'));
    const rows = await detailRows();
    expect(rows).toContainEqual(['Proposée par', 'Analyste (démo)']);
    expect(rows).toContainEqual([
      'Lue par les ensembles de règles (publiés maintenant ou avant, en révision ou approuvés)',
      'invoices-approval-routing, autre',
    ]);
  });

  it('says what a proposed table change would do, not that it was done', async () => {
    const proposed = {
      ...event,
      id: 'e10',
      seq: 10,
      actor: 'analyst',
      action: 'reference_table.change_proposed',
      resourceType: 'reference_table',
      details: { action: 'rows_replaced', readers: ['invoices-approval-routing'], added: 0, removed: 0, changed: 1 },
    };
    renderTrail([proposed]);
    fireEvent.click(await screen.findByText('Modification de table de référence proposée'));
    expect(await detailRows()).toContainEqual(['Modification', 'remplacer les lignes']);
  });

  it('opens and closes an event from the keyboard, by the button its number is', async () => {
    renderTrail([{ ...event, id: 'e8', seq: 8, action: 'ruleset.rejected', reason: 'Seuil à revoir' }]);
    const toggle = await screen.findByRole('button', { name: /^Détail de l’événement n°\s8$/ });
    expect(toggle.textContent).toBe('8');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.focus();
    fireEvent.click(toggle); // Enter on a focused button
    expect(await screen.findByRole('region', { name: /^Événement n°\s8$/ })).toBeTruthy();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.queryByRole('region', { name: /^Événement n°\s8$/ })).toBeNull());
  });

  it('gives an event’s details as labelled rows in words, not JSON', async () => {
    const submitted = {
      ...event,
      id: 'e6',
      seq: 6,
      action: 'review.submitted',
      resourceType: 'review',
      details: { decisionId: 'd-1', ruleset: 'enrolment', dueAt: '2027-01-03T14:30:00.000Z', receivedVia: 'phone' },
    };
    const issued = {
      ...event,
      id: 'e7',
      seq: 7,
      action: 'decision.receipt_issued',
      resourceType: 'decision',
      details: { ruleset: 'enrolment', lang: 'en', personalValuesShown: false },
    };
    renderTrail([issued, submitted]);
    const rowsOf = async (label: string) => {
      fireEvent.click(await screen.findByText(label));
      const rows = await detailRows();
      fireEvent.click(screen.getByText(label)); // closed again: one panel at a time
      await waitFor(() => expect(screen.queryByRole('table', { name: 'Détails' })).toBeNull());
      return rows;
    };
    const request = await rowsOf('Demande de révision reçue');
    expect(request).toContainEqual(['Reçue par', 'Téléphone']);
    expect(request.find(([key]) => key === 'Échéance')?.[1]).toMatch(/^3 janvier 2027/);
    const receipt = await rowsOf('Avis de décision délivré');
    expect(receipt).toEqual([
      ['Ensemble de règles', 'enrolment'],
      ['Langue', 'anglais'],
      ['Valeurs personnelles montrées', 'non'],
    ]);
    expect(document.body.textContent).not.toMatch(/"receivedVia"|personalValuesShown/);
  });

  it('leads from an event to the page of its rule set, prompt, table or decision, and not to a deleted table', async () => {
    const tables = {
      'GET /api/v1/reference-tables': {
        body: [{ id: 'tps', key: 'tps' }],
        headers: { 'Content-Range': 'reference-tables 0-0/1' },
      },
    };
    renderTrail(
      [
        event,
        {
          ...event,
          id: 'e2',
          seq: 2,
          action: 'decision.receipt_issued',
          resourceType: 'decision',
          resourceKey: '01a2-b3',
        },
        {
          ...event,
          id: 'e3',
          seq: 3,
          action: 'reference_table.created',
          resourceType: 'reference_table',
          resourceKey: 'tps',
        },
        {
          ...event,
          id: 'e4',
          seq: 4,
          action: 'reference_table.deleted',
          resourceType: 'reference_table',
          resourceKey: 'old',
        },
        { ...event, id: 'e5', seq: 5, action: 'user.created', resourceType: 'user', resourceKey: 'marie' },
        // An earlier event of the deleted table: no page either.
        {
          ...event,
          id: 'e6',
          seq: 6,
          action: 'reference_table.created',
          resourceType: 'reference_table',
          resourceKey: 'old',
        },
      ],
      tables,
    );
    const href = async (name: string) => (await screen.findByRole('link', { name })).getAttribute('href');
    expect(await href('fraude')).toMatch(/\/rulesets\/fraude\/show$/);
    expect(await href('01a2-b3')).toMatch(/\/decisions\/01a2-b3\/receipt$/);
    expect(await href('tps')).toMatch(/\/reference-tables\/tps\/show$/);
    // A deleted table has no page left; a person's account is the administrators' page, not every reader's.
    expect(screen.getAllByText('old').map((key) => key.closest('a'))).toEqual([null, null]);
    expect(screen.getByText('marie').closest('a')).toBeNull();
  });
});
