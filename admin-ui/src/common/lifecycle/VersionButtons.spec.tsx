import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi, renderConsole } from '../testing/fake-api';
import { VersionButtons } from './VersionButtons';

const PUBLISH = '/api/v1/rulesets/remises/versions/2/publish';

/** The lifecycle buttons of one rule set version, as an approver sees them. */
const renderButtons = (version: object) =>
  renderConsole(
    <RecordContextProvider value={version}>
      <VersionButtons resource="rulesets" id="remises" />
    </RecordContextProvider>,
    ['approver'],
  );

const renderApproved = () => renderButtons({ id: 2, number: 2, status: 'approved', authors: ['redactrice'] });

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

describe('a version written from one that is no longer in force', () => {
  it('warns the approver in the approve dialog, and disables publish saying why in words', async () => {
    const stale = (status: string) => ({ id: 2, number: 2, status, authors: ['redactrice'], basedOn: 1 });
    fakeApi({});
    const { unmount } = renderConsole(
      <RecordContextProvider value={stale('in_review')}>
        <VersionButtons resource="rulesets" id="remises" activeVersion={3} />
      </RecordContextProvider>,
      ['approver'],
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Approuver' }));
    const dialog = screen.getByRole('dialog', { name: /version 2/ });
    expect(within(dialog).getByTestId('stale-base').textContent).toMatch(
      /^La version 2 a été rédigée à partir de la version 1, mais la version 3 a été mise en vigueur depuis/,
    );
    unmount();
    renderConsole(
      <RecordContextProvider value={stale('approved')}>
        <VersionButtons resource="rulesets" id="remises" activeVersion={3} />
      </RecordContextProvider>,
      ['approver'],
    );
    expect((await screen.findByRole('button', { name: 'Publier' })).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/^Rédigée à partir de la version 1, mais la version 3 est en vigueur/)).toBeTruthy();
  });
});

describe('a version whose test cases were never run', () => {
  it('disables publish saying so, as the API would refuse it after the dialog', async () => {
    fakeApi({ 'GET /api/v1/rulesets/remises/versions/2': { body: { content: { tests: [{}, {}, {}] } } } });
    renderApproved();
    const publish = await screen.findByRole('button', { name: 'Publier' });
    await waitFor(() => expect(publish.hasAttribute('disabled')).toBe(true));
    expect(screen.getByText(/^Ses 3 cas de test n’ont jamais été lancés sur cette version/)).toBeTruthy();
  });

  it('says so in the approve dialog too, before the approval rather than at the publication', async () => {
    fakeApi({ 'GET /api/v1/rulesets/remises/versions/2': { body: { content: { tests: [{}, {}, {}] } } } });
    renderButtons({ id: 2, number: 2, status: 'in_review', authors: ['redactrice'] });
    fireEvent.click(await screen.findByRole('button', { name: 'Approuver' }));
    const dialog = screen.getByRole('dialog', { name: /version 2/ });
    await waitFor(() =>
      expect(within(dialog).getByTestId('untested-cases').textContent).toMatch(
        /^Ses 3 cas de test n’ont jamais été lancés sur cette version/,
      ),
    );
  });
});

describe('an experiment’s versions', () => {
  it('say what submitting and publishing do to an experiment, which has no test cases', async () => {
    fakeApi({});
    renderConsole(
      <RecordContextProvider value={{ id: 1, number: 1, status: 'draft', authors: ['analyst'] }}>
        <VersionButtons resource="experiments" id="accueil-ab" />
      </RecordContextProvider>,
      ['analyst'],
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Soumettre' }));
    const dialog = screen.getByRole('dialog', { name: /version 1/ });
    expect(dialog.textContent).toMatch(/la publier démarre l’expérience/);
    expect(dialog.textContent).not.toMatch(/cas de test/);
  });
});

describe('withdrawing a scheduled publication', () => {
  const UNSCHEDULE = '/api/v1/rulesets/remises/versions/3/unschedule';
  const inAMonth = new Date(Date.now() + 30 * 86400_000).toISOString();
  const scheduled = {
    id: 3,
    number: 3,
    status: 'published',
    authors: ['redactrice'],
    publications: [{ effectiveFrom: inAMonth }],
  };

  it('offers approvers to unschedule a version still waiting, with a reason, and nobody a version in force', async () => {
    const api = fakeApi({ [`POST ${UNSCHEDULE}`]: { body: {} } });
    renderButtons(scheduled);
    fireEvent.click(await screen.findByRole('button', { name: 'Déprogrammer' }));
    const dialog = screen.getByRole('dialog', { name: 'Annuler la publication programmée de la version 3' });
    expect(dialog.textContent).toMatch(/redevient approuvée/);
    const confirm = within(dialog).getByRole('button', { name: 'Déprogrammer' });
    expect(confirm).toHaveProperty('disabled', true); // a reason is required
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), {
      target: { value: 'Remplacée par la version 4' },
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(api.to('POST', UNSCHEDULE)).toHaveLength(1));
    expect(api.to('POST', UNSCHEDULE)[0]!.body).toEqual({ comment: 'Remplacée par la version 4' });
    await screen.findByText('Publication programmée de la version 3 annulée.');
  });

  it('offers nothing on a version already in force, nor to analysts', async () => {
    const yesterday = new Date(Date.now() - 86400_000).toISOString();
    const beside = (version: object, roles: string[]) =>
      renderConsole(
        <>
          <RecordContextProvider value={version}>
            <VersionButtons resource="rulesets" id="remises" />
          </RecordContextProvider>
          {/* A version the same user may act on: once its button shows, the user is known and every button drawn. */}
          <RecordContextProvider
            value={{ id: 4, number: 4, status: roles[0] === 'analyst' ? 'draft' : 'approved', authors: ['x'] }}
          >
            <VersionButtons resource="rulesets" id="remises" />
          </RecordContextProvider>
        </>,
        roles,
      );
    const inForce = beside({ ...scheduled, publications: [{ effectiveFrom: yesterday }] }, ['approver']);
    await screen.findByRole('button', { name: 'Publier' });
    expect(screen.queryByRole('button', { name: 'Déprogrammer' })).toBeNull();
    inForce.unmount();
    beside(scheduled, ['analyst']);
    await screen.findByRole('button', { name: 'Soumettre' });
    expect(screen.queryByRole('button', { name: 'Déprogrammer' })).toBeNull();
  });
});

describe('publishing for a later date', () => {
  it('says the publication is scheduled, and for when, not that the version is published', async () => {
    fakeApi({ [`POST ${PUBLISH}`]: { body: {} } });
    renderApproved();
    fireEvent.click(await screen.findByRole('button', { name: 'Publier' }));
    const dialog = screen.getByRole('dialog', { name: 'Publier la version 2' });
    fireEvent.change(within(dialog).getByLabelText(/En vigueur à partir du/), {
      target: { value: '2099-01-15T08:00' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publier' }));
    expect(
      await screen.findByText(/^Publication de la version 2 programmée pour le 15 janvier 2099 à 08 h 00\.$/),
    ).toBeTruthy();
    expect(screen.queryByText('Version 2 publiée.')).toBeNull();
  });
});

describe('approving a version', () => {
  const APPROVE = '/api/v1/rulesets/remises/versions/2/approve';
  const inReview = { id: 2, number: 2, status: 'in_review', authors: ['redactrice'], checksum: 'a1b2c3' };

  it('approves the content the page showed, and says so when it was changed and submitted again since', async () => {
    const api = fakeApi({
      [`POST ${APPROVE}`]: apiError(
        409,
        'reviewed_content_changed',
        'Version 2 was changed and submitted again after you read it.',
        [{ path: '/checksum', message: 'is the content you read (a1b2c3…); version 2 now holds d4e5f6…' }],
      ),
    });
    renderButtons(inReview);
    fireEvent.click(await screen.findByRole('button', { name: 'Approuver' }));
    const dialog = screen.getByRole('dialog', { name: /version 2/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approuver' }));
    await waitFor(() => expect(api.to('POST', APPROVE)).toHaveLength(1));
    expect(api.to('POST', APPROVE)[0]!.body).toEqual({ checksum: 'a1b2c3' });
    expect(await screen.findByText(/modifiée et soumise de nouveau depuis que vous l’avez lue/)).toBeTruthy();
  });

  it('says why a transition was refused, from the API’s detail, when the version changed status meanwhile', async () => {
    fakeApi({
      [`POST ${APPROVE}`]: apiError(
        409,
        'invalid_transition',
        'Version 2 is draft; only a version that is in review can be approved.',
        [{ path: '/version', message: 'is draft', keyword: 'versionStatus', params: { status: 'draft' } }],
      ),
    });
    renderButtons(inReview);
    fireEvent.click(await screen.findByRole('button', { name: 'Approuver' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Approuver' }));
    expect(await screen.findByText(/Version 2 est à l’état «\sBrouillon\s»\.$/)).toBeTruthy();
  });

  it('says in the dialog that the version’s tests fail on its content, and not for a run on other content', async () => {
    fakeApi({});
    const open = (testRun: { checksum: string; passed: number; failed: number }) =>
      renderButtons({ ...inReview, testRun });
    const failing = open({ checksum: 'a1b2c3', passed: 26, failed: 18 });
    fireEvent.click(await screen.findByRole('button', { name: 'Approuver' }));
    expect(within(screen.getByRole('dialog')).getByTestId('failing-tests').textContent).toMatch(
      /^18 des 44 cas de test de la version 2 échouent sur son contenu\s: elle ne pourra pas être publiée/,
    );
    failing.unmount();
    open({ checksum: 'old', passed: 26, failed: 18 });
    fireEvent.click(await screen.findByRole('button', { name: 'Approuver' }));
    expect(within(screen.getByRole('dialog')).queryByTestId('failing-tests')).toBeNull();
  });
});

describe('submitting a draft', () => {
  const SUBMIT = '/api/v1/rulesets/remises/versions/3/submit';
  const draft = { id: 3, number: 3, status: 'draft', authors: ['analyst'], revision: 4 };

  it('submits the draft the page showed, and says so when someone saved it again since', async () => {
    const api = fakeApi({
      [`POST ${SUBMIT}`]: apiError(409, 'draft_changed', 'Version 3 was saved again after you read it.', [
        { path: '/revision', message: 'is the draft you read (4); it is now at 5' },
      ]),
    });
    renderConsole(
      <RecordContextProvider value={draft}>
        <VersionButtons resource="rulesets" id="remises" />
      </RecordContextProvider>,
      ['analyst'],
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Soumettre' }));
    const dialog = screen.getByRole('dialog', { name: /version 3/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Soumettre' }));
    await waitFor(() => expect(api.to('POST', SUBMIT)).toHaveLength(1));
    expect(api.to('POST', SUBMIT)[0]!.body).toEqual({ revision: 4 });
    expect(await screen.findByText(/enregistré de nouveau depuis que vous l’avez lu/)).toBeTruthy();
  });
});

describe('after a transition', () => {
  it('puts the keyboard back on the version’s buttons when the one that was used is gone', async () => {
    const APPROVE = '/api/v1/rulesets/remises/versions/2/approve';
    let approve: () => void = () => undefined;
    fakeApi({
      [`POST ${APPROVE}`]: () => {
        approve();
        return { body: {} };
      },
    });
    const Row = () => {
      const [status, setStatus] = useState('in_review');
      approve = () => setStatus('approved');
      return (
        <RecordContextProvider value={{ id: 2, number: 2, status, authors: ['redactrice'], checksum: 'a1' }}>
          <VersionButtons resource="rulesets" id="remises" />
        </RecordContextProvider>
      );
    };
    renderConsole(<Row />, ['approver']);
    const trigger = await screen.findByRole('button', { name: 'Approuver' });
    trigger.focus();
    fireEvent.click(trigger);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Approuver' }));
    // Approved: Publier replaces Approuver, and it has the focus, not the page's body.
    const publish = await screen.findByRole('button', { name: 'Publier' });
    await waitFor(() => expect(document.activeElement).toBe(publish));
  });

  it('puts it on the version’s named place when no button is left to it', async () => {
    const SUBMIT = '/api/v1/rulesets/remises/versions/2/submit';
    let submit: () => void = () => undefined;
    fakeApi({
      [`POST ${SUBMIT}`]: () => {
        submit();
        return { body: {} };
      },
    });
    const Row = () => {
      const [status, setStatus] = useState('draft');
      submit = () => setStatus('in_review');
      return (
        <RecordContextProvider value={{ id: 2, number: 2, status, authors: ['analyst'], revision: 1 }}>
          <VersionButtons resource="rulesets" id="remises" />
        </RecordContextProvider>
      );
    };
    renderConsole(<Row />, ['analyst']);
    const trigger = await screen.findByRole('button', { name: 'Soumettre' });
    trigger.focus();
    fireEvent.click(trigger);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Soumettre' }));
    // Submitted: the analyst has nothing more to do on it; a screen reader hears where the keyboard is.
    const place = await screen.findByRole('group', { name: 'Actions sur la version 2' });
    await waitFor(() => expect(document.activeElement).toBe(place));
    expect(within(place).queryAllByRole('button')).toEqual([]);
  });
});
