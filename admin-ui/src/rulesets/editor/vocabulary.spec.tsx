import { useQueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../../common/testing/fake-api';
import { useRuleVocabulary } from './vocabulary';
import { SERVER_VOCABULARY } from './vocabulary.fixture';

/** What an editor shows of the vocabulary (the rule-set editor passes it down the same way). */
const Operators = () => <output>{useRuleVocabulary()?.operators.join(' ')}</output>;

/** Opens a second editor, and changes a rule set (which refetches the 'rulesets' queries), as a user would. */
const Page = () => {
  const [second, setSecond] = useState(false);
  const queryClient = useQueryClient();
  return (
    <>
      <Operators />
      {second && <Operators />}
      <button onClick={() => setSecond(true)}>second</button>
      <button onClick={() => void queryClient.invalidateQueries({ queryKey: ['rulesets'] })}>changed</button>
    </>
  );
};

describe('rule vocabulary', () => {
  it('is read once through the data provider and kept for every editor', async () => {
    const api = fakeApi({ 'GET /api/v1/schemas/rulesets': { body: SERVER_VOCABULARY } });
    renderConsole(<Page />);
    await waitFor(() => expect(screen.getAllByRole('status')[0]!.textContent).toContain('greaterThan'));
    fireEvent.click(screen.getByRole('button', { name: 'second' }));
    fireEvent.click(screen.getByRole('button', { name: 'changed' }));
    expect(screen.getAllByRole('status')[1]!.textContent).toContain('greaterThan');
    expect(api.to('GET', '/api/v1/schemas/rulesets')).toHaveLength(1);
  });
});
