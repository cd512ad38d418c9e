import { describe, expect, it } from 'vitest';
import { detailsByField, formErrors } from './api-error';

describe('API problems by form field', () => {
  it('puts each API problem on its field, naming the place inside the field', () => {
    const byField = detailsByField({
      error: 'validation_failed',
      message: 'x',
      details: [
        { path: '/template', message: 'uses {{user.name}}, which /variablesSchema does not declare (user.name)' },
        { path: '/variablesSchema/type', message: 'must be "object"' },
        { path: '/variables/question', message: 'must be string' },
      ],
    });
    expect(byField.get('template')).toEqual([
      'uses {{user.name}}, which /variablesSchema does not declare (user.name)',
    ]);
    expect(byField.get('variablesSchema')).toEqual(['/type : must be "object"']);
    expect(byField.get('variables')).toEqual(['/question : must be string']);
    expect(detailsByField(undefined).size).toBe(0);
  });

  it('gives a form one text per field', () => {
    expect(
      formErrors({
        error: 'validation_failed',
        message: 'x',
        details: [
          { path: '/key', message: 'must match pattern' },
          { path: '/inputSchema/properties/x', message: 'bad' },
          { path: '/inputSchema', message: 'worse' },
        ],
      }),
    ).toEqual({
      key: 'must match pattern',
      inputSchema: '/properties/x : bad · worse',
    });
  });
});
