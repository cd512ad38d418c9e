import { describe, expect, it } from 'vitest';
import { detailsByField, formErrors, problemHeadline, TRANSLATED_ERRORS } from './api-error';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { i18nProvider } from '../i18n/i18nProvider';

describe('API problems by form field', () => {
  it('puts each API problem on its field, naming the place inside the field', () => {
    const byField = detailsByField(
      {
        error: 'validation_failed',
        message: 'x',
        details: [
          { path: '/template', message: 'uses {{user.name}}, which /variablesSchema does not declare (user.name)' },
          { path: '/variablesSchema/type', message: 'must be "object"' },
          { path: '/variables/question', message: 'must be string' },
        ],
      },
      i18nProvider.translate,
    );
    expect(byField.get('template')).toEqual([
      'uses {{user.name}}, which /variablesSchema does not declare (user.name)',
    ]);
    expect(byField.get('variablesSchema')).toEqual(['/type\u00a0: must be "object"']); // typeset: the colon stays with its place
    expect(byField.get('variables')).toEqual(['/question\u00a0: must be string']);
    expect(detailsByField(undefined, i18nProvider.translate).size).toBe(0);
  });

  it('gives a form one text per field', () => {
    expect(
      formErrors(
        {
          error: 'validation_failed',
          message: 'x',
          details: [
            { path: '/key', message: 'must match pattern' },
            { path: '/inputSchema/properties/x', message: 'bad' },
            { path: '/inputSchema', message: 'worse' },
          ],
        },
        (key: string, options?: object) =>
          key === 'gabarit.at_place'
            ? `${(options as { place: string }).place}: ${(options as { problem: string }).problem}`
            : key,
      ),
    ).toEqual({
      key: 'must match pattern',
      inputSchema: '/properties/x: bad · worse', // as English writes it
    });
  });
});

describe('API error headlines', () => {
  it('words every code the console knows in French and in English', () => {
    const unworded = (messages: { gabarit: { errors: Record<string, string> } }) =>
      TRANSLATED_ERRORS.filter((code) => typeof messages.gabarit.errors[code] !== 'string');
    expect(unworded(fr)).toEqual([]);
    expect(unworded(en)).toEqual([]);
  });

  it("shows the console's wording of a known code, and the server's text for an unknown one", () => {
    const translate = (key: string) => key;
    const problem = { error: 'xml_doctype_refused', message: 'DMN files with a DOCTYPE are refused.', details: [] };
    expect(problemHeadline(problem, translate)).toBe('gabarit.errors.xml_doctype_refused');
    expect(problemHeadline({ ...problem, error: 'unknown' }, translate)).toBe('DMN files with a DOCTYPE are refused.');
  });

  it('names in the headline what the API names in its details (the experiment holding the prompt)', () => {
    const translate = i18nProvider.translate as (key: string, options?: object) => string;
    const problem = {
      error: 'experiment_running',
      message: 'The experiment "chatbot-brievete" already runs on the prompt "chatbot-answer"…',
      details: [
        { path: '/prompt', message: 'is taken by "chatbot-brievete"', params: { experiment: 'chatbot-brievete' } },
      ],
    };
    expect(problemHeadline(problem, translate)).toMatch(
      /^L’expérience «\u00a0chatbot-brievete\u00a0» est déjà en cours/,
    );
    expect(problemHeadline({ ...problem, details: [] }, translate)).toBe(
      'Une expérience est déjà en cours pour ce gabarit.',
    );
  });
});
