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

  it('names a place in words where the screen can, keeps the pointer beside it, and names no place for the whole file', () => {
    const problem = {
      error: 'invalid_xml',
      message: 'The body is not well-formed XML.',
      details: [
        { path: '/definition/rules/18/event/type', message: 'n’a pas le bon format' },
        { path: '/', message: 'Ligne 1, colonne 1 : syntaxe incorrecte.' },
      ],
    };
    const placeOf = (path: string) => (path.startsWith('/definition/rules/18') ? 'Règle « Montant élevé »' : path);
    renderConsole(<ProblemAlert problem={problem} placeOf={placeOf} />);
    const items = within(screen.getByRole('alert')).getAllByRole('listitem');
    expect(items[0]!.textContent).toBe(
      'Règle « Montant élevé » (/definition/rules/18/event/type)\u00a0: n’a pas le bon format',
    );
    expect(items[1]!.textContent).toBe('Ligne 1, colonne 1 : syntaxe incorrecte.');
    expect(screen.getByRole('alert').textContent).toContain("Le fichier n'est pas du XML bien formé.");
  });
});
