import { fireEvent, screen, within } from '@testing-library/react';
import { usePermissions } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { VersionChecks } from './VersionChecks';

/** Says when the signed-in roles are known: what the checks decide by. */
const RolesRead = () => (usePermissions().permissions ? <p>roles read</p> : null);

describe("a version's test cases", () => {
  it('names each case in French typography: a no-break space before the colon the analyst typed', async () => {
    fakeApi({
      'POST /api/v1/rulesets/invoices/versions/2/test': {
        body: {
          passed: 1,
          failed: 0,
          cases: [{ name: 'bon de commande inconnu : une personne vérifie', passed: true, expected: [], actual: [] }],
        },
      },
    });
    renderConsole(<VersionChecks rulesetKey="invoices" version={2} />);
    fireEvent.click(await screen.findByRole('button', { name: /tests/i }));
    expect(
      await screen.findByRole('cell', { name: 'bon de commande inconnu\u00a0: une personne vérifie' }),
    ).toBeTruthy();
  });
});

describe('the impact of a version on recent decisions', () => {
  it('says how many decisions could not be compared on masked facts, rather than counting them unchanged', async () => {
    fakeApi({
      'POST /api/v1/rulesets/enrolment/versions/2/impact': {
        body: {
          activeVersion: 1,
          version: 2,
          compared: 500,
          changed: 0,
          notCompared: 477,
          byTransition: {},
          examples: [],
          maskedFacts: true,
        },
      },
    });
    renderConsole(<VersionChecks rulesetKey="enrolment" version={2} />);
    fireEvent.click(await screen.findByRole('button', { name: /impact/i }));
    const summary = await screen.findByRole('status');
    expect(summary.textContent).toMatch(/500 décisions récentes rejouées/);
    expect(summary.textContent).toMatch(/477 décisions n’ont pas pu être comparées/);
    expect(summary.textContent).toMatch(/gestion des risques voit le résultat complet/);
    // Every replay ran on masked facts: said, not only the decisions that could not be compared.
    expect(summary.textContent).toMatch(/rejouées sur les faits personnels masqués/);
  });

  it('says each change of decision in words, not in codes', async () => {
    fakeApi({
      'POST /api/v1/rulesets/invoices/versions/2/impact': {
        body: {
          activeVersion: 1,
          version: 2,
          compared: 40,
          changed: 4,
          notCompared: 0,
          byTransition: { 'auto_approve → manual_review': 3, 'reject → (none)': 1 },
          examples: [{ evaluationId: '01a25036-0c21-7489', before: 'auto_approve', after: 'manual_review' }],
        },
      },
    });
    renderConsole(<VersionChecks rulesetKey="invoices" version={2} />);
    fireEvent.click(await screen.findByRole('button', { name: /impact/i }));
    const summary = await screen.findByRole('status');
    expect(summary.textContent).toMatch(
      /Approuvée automatiquement → Transmise à un membre du personnel pour examen\s:\s3/,
    );
    expect(summary.textContent).toMatch(/Refusée → aucune décision\s:\s1/);
    expect(summary.textContent).not.toContain('auto_approve');
    // Each decision that would change opens its record.
    expect(within(summary).getByRole('link', { name: '01a25036' }).getAttribute('href')).toBe(
      '#/decisions/01a25036-0c21-7489/receipt',
    );
  });

  it('offers each check to the roles that may run it: a risk officer replays impact, an admin runs neither', async () => {
    fakeApi({});
    const { unmount } = renderConsole(<VersionChecks rulesetKey="enrolment" version={2} />, ['risk']);
    await screen.findByRole('button', { name: /impact/i });
    expect(screen.queryByRole('button', { name: /tests/i })).toBeNull();
    unmount();
    renderConsole(
      <>
        <VersionChecks rulesetKey="enrolment" version={2} />
        <RolesRead />
      </>,
      ['admin'],
    );
    await screen.findByText('roles read');
    expect(screen.queryByRole('button', { name: /impact|tests/i })).toBeNull();
    expect(screen.queryByRole('heading', { name: /Vérifications/i })).toBeNull();
  });
});
