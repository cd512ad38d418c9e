import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole, ShowPage } from '../../common/testing/fake-api';
import { VersionAnalysis } from './VersionAnalysis';

const RULESET = '/api/v1/rulesets/remises';
const noFindings = { body: { findings: [], checked: [], checkedText: [], notChecked: [] } };
const version = (number: number) => ({ body: { number, content: { definition: { rules: [] } } } });

const renderWith = (versions: { number: number; status: string }[], activeVersion: number) => {
  const api = fakeApi({
    [`GET ${RULESET}`]: {
      body: { id: 'remises', key: 'remises', format: 'rules', activeVersion, draftVersion: null, versions },
    },
    [`GET ${RULESET}/versions/1`]: version(1),
    [`GET ${RULESET}/versions/2`]: version(2),
    [`GET ${RULESET}/versions/1/analysis`]: noFindings,
    [`GET ${RULESET}/versions/2/analysis`]: noFindings,
  });
  renderConsole(
    <ShowPage resource="rulesets" id="remises">
      <VersionAnalysis />
    </ShowPage>,
    ['approver'],
  );
  return api;
};

describe('the analysis on a rule set’s page', () => {
  it('shows the approved version waiting to be published, not the one it replaces', async () => {
    const api = renderWith(
      [
        { number: 2, status: 'approved' },
        { number: 1, status: 'published' },
      ],
      1,
    );
    await waitFor(() => expect(api.to('GET', `${RULESET}/versions/2/analysis`)).toHaveLength(1));
    expect(api.to('GET', `${RULESET}/versions/1/analysis`)).toHaveLength(0);
    expect((await screen.findByRole('combobox', { name: 'Version analysée' })).textContent).toMatch(/^Version 2/);
  });

  it('shows the one in force when nothing waits', async () => {
    const api = renderWith([{ number: 1, status: 'published' }], 1);
    await waitFor(() => expect(api.to('GET', `${RULESET}/versions/1/analysis`)).toHaveLength(1));
  });
});
