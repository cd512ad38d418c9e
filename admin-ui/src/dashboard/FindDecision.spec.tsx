import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useGetIdentity } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../common/testing/fake-api';
import { FindDecision } from './FindDecision';

/** Says when the signed-in identity is known: what FindDecision decides on. */
const IdentityRead = () => (useGetIdentity().identity ? <p>identité lue</p> : null);

describe('FindDecision', () => {
  it('opens the receipt of the reference a person reads out, spaces, final period and capitals aside', async () => {
    fakeApi({});
    renderConsole(<FindDecision />, ['risk']);
    const field = await screen.findByRole('textbox', { name: 'Référence de l’avis' });
    fireEvent.change(field, { target: { value: '  7C0E9A52-1f7b-4d7e-9d1a-2b8f0c3e4a11. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir l’avis' }));
    await waitFor(() => expect(window.location.hash).toBe('#/decisions/7c0e9a52-1f7b-4d7e-9d1a-2b8f0c3e4a11/receipt'));
  });

  it('is not offered to a role that may not read receipts', async () => {
    fakeApi({});
    renderConsole(
      <>
        <FindDecision />
        <IdentityRead />
      </>,
      ['viewer'],
    );
    await screen.findByText('identité lue');
    expect(screen.queryByRole('textbox', { name: 'Référence de l’avis' })).toBeNull();
  });
});
