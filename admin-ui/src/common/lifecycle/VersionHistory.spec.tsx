import { screen, within } from '@testing-library/react';
import { RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../testing/fake-api';
import { VersionHistory } from './VersionHistory';
import { textBesidePhoneLabel } from '../testing/phone-label';

const run = (checksum: string, passed: number, failed: number) => ({ checksum, passed, failed, at: '', by: 'a' });
const ruleset = {
  id: 'remises',
  versions: [
    { number: 1, status: 'published', authors: ['a'], checksum: 'c1', testRun: run('c1', 76, 0) },
    { number: 2, status: 'in_review', authors: ['a'], checksum: 'c2', testRun: run('c2', 72, 4) },
    { number: 3, status: 'in_review', authors: ['a'], checksum: 'c3', testRun: run('c2', 76, 0) },
    { number: 4, status: 'draft', authors: ['a'] },
  ],
};

/** The versions table of one record, as the show page of `resource` draws it, for someone holding `roles`. */
const renderVersions = (
  resource: string,
  record: { id: string; archived?: boolean; versions: object[] },
  roles: string[],
  statusNote?: (version: number) => string | undefined,
) =>
  renderConsole(
    <ResourceContextProvider value={resource}>
      <RecordContextProvider value={record}>
        <VersionHistory resource={resource} id={record.id} statusNote={statusNote} />
      </RecordContextProvider>
    </ResourceContextProvider>,
    roles,
  );

/** A row's status, without the tests said under it. */
const statusText = (row: HTMLElement) => {
  const cell = within(row).getAllByRole('cell')[1]!;
  const tests = cell.querySelector('[data-testid="version-tests"]')?.textContent ?? '';
  const text = textBesidePhoneLabel(cell)!;
  return text.slice(0, text.length - tests.length);
};

describe('the versions table', () => {
  it('says how many of a prompt version’s cases were not checked, not only the ones that passed', async () => {
    const prompt = {
      id: 'reponse',
      versions: [
        { number: 1, status: 'in_review', authors: ['a'], checksum: 'c1', testRun: { ...run('c1', 9, 0), skipped: 2 } },
      ],
    };
    renderVersions('prompts', prompt, ['approver']);
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(within(rows[0]!).getByTestId('version-tests').textContent).toBe('9 réussis, 2 non vérifiés');
  });

  it('lists the newest version first, with the tests of its exact content beside the approver’s buttons', async () => {
    renderVersions('rulesets', ruleset, ['approver']);
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows.map((row) => textBesidePhoneLabel(within(row).getAllByRole('cell')[0]!))).toEqual(['4', '3', '2', '1']);
    // Under each status, beside the buttons.
    const tests = rows.map((row) => within(row).getByTestId('version-tests').textContent);
    expect(tests).toEqual(['—', 'à relancer (contenu modifié)', '4 en échec sur 76', '76 réussis']);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.indexOf('Actions')).toBe(headers.indexOf('Statut et tests') + 1);
  });
});

describe('who wrote a version', () => {
  it('names people by their name, and the files loaded at the first start in words rather than « seed »', async () => {
    fakeApi({ 'GET /api/v1/people': { body: [{ username: 'analyst', displayName: 'Analyste (démo)' }] } });
    const record = {
      id: 'remises',
      versions: [
        { number: 2, status: 'draft', authors: ['analyst'] },
        { number: 1, status: 'published', authors: ['seed'], checksum: 'c1' },
      ],
    };
    renderVersions('rulesets', record, ['risk']);
    expect(await screen.findByText('Analyste (démo)')).toBeTruthy();
    expect(screen.getByText('Chargement initial')).toBeTruthy();
    expect(screen.queryByText('seed')).toBeNull();
  });

  it('says when a version was approved, as it says when it was created and published', async () => {
    fakeApi({ 'GET /api/v1/people': { body: [{ username: 'approver', displayName: 'Approbatrice (démo)' }] } });
    const record = {
      id: 'remises',
      versions: [
        {
          number: 1,
          status: 'approved',
          authors: ['analyst'],
          checksum: 'c1',
          approvedBy: 'approver',
          approvedAt: '2026-12-04T14:17:00.000Z',
        },
      ],
    };
    renderVersions('rulesets', record, ['risk']);
    expect(await screen.findByText(/^Approuvée par Approbatrice \(démo\) le .*2026/)).toBeTruthy();
  });
});

describe('a version awaiting approval whose tests never ran', () => {
  it('says how many cases were never run, where « — » read as « no tests » and publishing was then refused', async () => {
    fakeApi({
      'GET /api/v1/rulesets/remises/versions/2': { body: { number: 2, content: { tests: [{}, {}, {}] } } },
      'GET /api/v1/rulesets/remises/versions/3': { body: { number: 3, content: { tests: [] } } },
    });
    renderVersions(
      'rulesets',
      {
        id: 'remises',
        versions: [
          { number: 3, status: 'approved', authors: ['a'] },
          { number: 2, status: 'in_review', authors: ['a'] },
        ],
      },
      ['approver'],
    );
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(await within(rows[1]!).findByText('3 cas jamais lancés')).toBeTruthy();
    // A version without test cases has nothing to run.
    expect(within(rows[0]!).getByTestId('version-tests').textContent).toBe('—');
  });
});

describe('an archived resource', () => {
  it('offers no button on any version: it can no longer change (a stopped experiment had offered « Publier »)', async () => {
    renderVersions(
      'experiments',
      { ...ruleset, archived: true, versions: [{ number: 1, status: 'approved', authors: ['a'] }] },
      ['approver'],
    );
    await screen.findAllByRole('row');
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Publier/ })).toBeNull();
  });
});

describe('a scheduled version', () => {
  it('says when it takes effect instead of « Publiée »', async () => {
    renderVersions(
      'rulesets',
      {
        id: 'remises',
        versions: [
          // Rolled back to while it waited: in force now, whatever its own date says.
          {
            number: 1,
            status: 'published',
            authors: ['a'],
            inForce: true,
            publications: [{ effectiveFrom: '2099-01-01T00:00:00Z' }, { effectiveFrom: '2026-01-01T00:00:00Z' }],
          },
          {
            number: 2,
            status: 'published',
            authors: ['a'],
            publishedAt: '2026-12-04T09:26:00Z',
            publications: [{ effectiveFrom: '2099-04-01T12:00:00Z' }],
            comments: [{ by: 'b', action: 'publish', text: 'En vigueur au printemps.' }],
          },
        ],
      },
      ['approver'],
    );
    const rows = (await screen.findAllByRole('row')).slice(1);
    const statuses = rows.map(statusText);
    expect(statuses[0]).toMatch(/^Programmée pour le 1(er)? avril 2099 à \d/);
    expect(statuses[1]).toBe('Publiée');
    // Its publication date column says when it was scheduled, not « published » on that day.
    const published = within(rows[0]!).getByText(/^Programmée le 4 déc\. 2026/);
    expect(published).toBeTruthy();
    // So does the approver's comment: it was scheduled, it is not published yet.
    expect(within(rows[0]!).getByText('Programmée — b : En vigueur au printemps.')).toBeTruthy();
  });
});

describe('a version still served elsewhere', () => {
  it('says so under its status, where the status alone would read « Retirée »', async () => {
    renderVersions(
      'prompts',
      {
        id: 'chatbot',
        versions: [
          { number: 3, status: 'retired', authors: ['a'] },
          { number: 4, status: 'published', authors: ['a'], inForce: true },
        ],
      },
      ['analyst'],
      (n) => (n === 3 ? "Servie par l'expérience « brièveté » (témoin « détaillée »)" : undefined),
    );
    const rows = (await screen.findAllByRole('row')).slice(1);
    const status = rows.map(statusText);
    expect(status).toEqual(['Publiée', "RetiréeServie par l'expérience « brièveté » (témoin « détaillée »)"]);
  });
});
