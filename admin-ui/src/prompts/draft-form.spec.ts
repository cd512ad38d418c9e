import { describe, expect, it } from 'vitest';
import { changedFields, draftPayload, previewContent, toForm, type PromptContent } from './draft-form';

const content: PromptContent = {
  locale: 'fr',
  template: 'Q: {{question}}',
  model: 'claude-sonnet-4-6',
  maxTokens: 300,
  variablesSchema: { type: 'object', properties: { question: { type: 'string' } } },
};

describe('draft form', () => {
  it('sends only the fields changed since the draft was read, typed', () => {
    const initial = toForm(content);
    expect(initial.system).toBe('');
    const form = { ...initial, template: 'Question : {{question}}', maxTokens: '500' };
    expect(changedFields(form, initial)).toEqual(['template', 'maxTokens']);
    expect(draftPayload(form, initial)).toEqual({ payload: { template: 'Question : {{question}}', maxTokens: 500 } });
    expect(draftPayload(initial, initial)).toEqual({ payload: {} });
  });

  it('refuses before sending a schema that is not JSON or a token count that is not a whole number', () => {
    const initial = toForm(content);
    expect(draftPayload({ ...initial, variablesSchema: '{"type": ', maxTokens: '3.5' }, initial)).toEqual({
      errors: { variablesSchema: 'gabarit.prompts.invalid_json', maxTokens: 'gabarit.prompts.invalid_integer' },
    });
  });

  it('previews with every readable field and leaves a half-typed one to the saved draft', () => {
    const form = { ...toForm(content), variablesSchema: '{', maxTokens: 'abc' };
    expect(previewContent(form)).toEqual({
      template: 'Q: {{question}}',
      system: '',
      model: 'claude-sonnet-4-6',
      locale: 'fr',
      stopSequences: [],
    });
  });

  it('sends stop sequences one per line and test cases as a JSON list, refusing anything else before sending', () => {
    const initial = toForm(content);
    const edited = {
      ...initial,
      stopSequences: 'FIN\n\n###',
      tests: '[{"name": "vide", "variables": {"question": ""}}]',
    };
    expect(draftPayload(edited, initial)).toEqual({
      payload: { stopSequences: ['FIN', '###'], tests: [{ name: 'vide', variables: { question: '' } }] },
    });
    expect(draftPayload({ ...initial, tests: '{"name": "seul"}' }, initial)).toEqual({
      errors: { tests: 'gabarit.prompts.not_array' },
    });
    expect(previewContent(edited)).not.toHaveProperty('tests');
  });
});
