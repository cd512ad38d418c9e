import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { VersionChecks } from './VersionChecks';

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
  });
});
