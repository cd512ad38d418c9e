import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../../common/errors/domain-errors.js';
import type { RulesetContent } from './ruleset.types.js';
import { validateRulesetContent } from './ruleset-validation.js';

describe('validateRulesetContent', () => {
  it('refuses content nested deeper than a JSON body may be, however it was built, naming where (a 500 before)', async () => {
    let params: unknown = 'team_lead';
    for (let i = 0; i < 2000; i++) params = { level: params };
    const content = {
      inputSchema: { type: 'object' },
      definition: { rules: [{ conditions: { all: [] }, event: { type: 'route', params } }] },
    } as unknown as RulesetContent;
    const refused = await validateRulesetContent('rules', content).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).code).toBe('too_deep');
    expect((refused as ValidationError).details).toEqual([
      {
        path: `/definition/rules/0/event/params${'/level'.repeat(59)}`,
        message: 'nesting depth exceeds 64',
      },
    ]);
  });

  it('refuses a definition of 200 000 wrong items with its first errors, not a stack overflow (a 500 before)', async () => {
    const content = {
      inputSchema: { type: 'object' },
      definition: { rules: Array.from({ length: 200_000 }, () => 1) },
    } as unknown as RulesetContent;
    const refused = await validateRulesetContent('rules', content).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ValidationError);
    const { details } = refused as ValidationError;
    expect(details.length).toBeLessThanOrEqual(100);
    expect(details[0]).toMatchObject({ path: expect.stringMatching(/^\/definition\/rules/) });
  });
});
