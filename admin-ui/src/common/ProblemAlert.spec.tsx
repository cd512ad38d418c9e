import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { httpClient } from '../dataProvider';
import { toProblem } from './api-error';
import { ProblemAlert } from './ProblemAlert';
import { apiError, fakeApi, renderConsole } from './testing/fake-api';

describe('an API error in the console', () => {
  it('shows each detail in French when a wording knows it, and marks the others as the API’s English', async () => {
    fakeApi({
      'POST /api/v1/rulesets': apiError(400, 'validation_failed', 'The content is not valid.', [
        { path: '/name', message: 'is required', keyword: 'required', params: { missingProperty: 'name' } },
        { path: '/definition/rules/0', message: 'rule 1 refers to an unknown condition' },
      ]),
    });
    const problem = await httpClient('/api/v1/rulesets', { method: 'POST', body: '{}' }).then(
      () => undefined,
      (err: unknown) => toProblem(err),
    );
    renderConsole(<ProblemAlert problem={problem!} />);
    const items = within(await screen.findByRole('alert')).getAllByRole('listitem');
    expect(within(items[0]!).getByText('Valeur obligatoire.').getAttribute('lang')).toBeNull();
    expect(within(items[1]!).getByText('rule 1 refers to an unknown condition').getAttribute('lang')).toBe('en');
  });
});
