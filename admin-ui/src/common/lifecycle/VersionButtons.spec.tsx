import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, renderConsole } from '../testing/fake-api';
import { VersionButtons } from './VersionButtons';

const PUBLISH = '/api/v1/rulesets/remises/versions/2/publish';

const renderApproved = () =>
  renderConsole(
    <RecordContextProvider value={{ id: 2, number: 2, status: 'approved', authors: ['redactrice'] }}>
      <VersionButtons resource="rulesets" id="remises" />
    </RecordContextProvider>,
    ['approver'],
  );

describe('publishing a version whose tests have not passed', () => {
  it('says before publishing that the tests must have been run, and after a refusal how to run them', async () => {
    const api = fakeApi({
      [`POST ${PUBLISH}`]: apiError(
        409,
        'tests_not_passed',
        'Version 2 has test cases: run them on this exact version and get them all passing before publishing.',
      ),
    });
    renderApproved();
    fireEvent.click(await screen.findByRole('button', { name: 'Publier' }));
    const dialog = screen.getByRole('dialog', { name: 'Publier la version 2' });
    expect(dialog.textContent).toMatch(/cas de test, ils doivent avoir été lancés sur cette version et réussir/);
    expect(dialog.textContent).toMatch(/«\sLancer les tests\s»/);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Publier' }));
    await waitFor(() => expect(api.to('POST', PUBLISH)).toHaveLength(1));
    const alert = await screen.findByText(/doivent réussir avant sa publication/);
    // The refusal speaks of the action taken (publishing), not of submitting, and names the button that fixes it.
    expect(alert.textContent).toMatch(/«\sLancer les tests\s»/);
    expect(alert.textContent).not.toMatch(/soumettre/i);
  });
});
