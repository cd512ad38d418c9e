import { describe, expect, it } from '@jest/globals';
import { SCOPE_PATTERN, scopesAllow, scopesGrantAction } from './scopes.js';

describe('scopesAllow', () => {
  it('matches an exact key and a prefix pattern for the same action only', () => {
    expect(scopesAllow(['evaluate:invoices'], 'evaluate', 'invoices')).toBe(true);
    expect(scopesAllow(['evaluate:invoices'], 'evaluate', 'invoices-2025')).toBe(false);
    expect(scopesAllow(['evaluate:invoices-*'], 'evaluate', 'invoices-2025')).toBe(true);
    expect(scopesAllow(['evaluate:invoices-*'], 'evaluate', 'enrolment')).toBe(false);
    expect(scopesAllow(['evaluate:*'], 'evaluate', 'enrolment')).toBe(true);
    expect(scopesAllow(['evaluate:*'], 'prompts:complete', 'chatbot')).toBe(false);
  });

  it('tells actions with colons apart', () => {
    expect(scopesAllow(['prompts:complete:chatbot-*'], 'prompts:complete', 'chatbot-fr')).toBe(true);
    expect(scopesAllow(['prompts:complete:chatbot-*'], 'prompts:render', 'chatbot-fr')).toBe(false);
  });

  it('ignores malformed scopes rather than widening access', () => {
    expect(scopesAllow(['evaluate', '*', 'evaluate:', 'evaluate:in*voices'], 'evaluate', 'invoices')).toBe(false);
  });

  it('answers each question on its own when the same key asks again (its scopes are parsed once)', () => {
    const scopes = ['evaluate:invoices-*', 'metrics:*', 'not a scope'];
    expect(scopesAllow(scopes, 'evaluate', 'invoices-2025')).toBe(true);
    expect(scopesAllow(scopes, 'evaluate', 'enrolment')).toBe(false);
    expect(scopesAllow(scopes, 'metrics', 'anything')).toBe(true);
    expect(scopesAllow(scopes, 'personal-data', 'invoices-2025')).toBe(false);
  });

  it('takes only metrics:* for /metrics, which names no resource a pattern could match', () => {
    const valid = (scope: string) => new RegExp(SCOPE_PATTERN).test(scope);
    expect(['metrics:*', 'evaluate:*', 'evaluate:invoices-*', 'prompts:complete:chatbot'].map(valid)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['metrics:read', 'metrics:invoices-*', 'metrics:', 'read:*'].map(valid)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(scopesAllow(['metrics:read'], 'metrics', '')).toBe(false);
    expect(scopesAllow(['metrics:*'], 'metrics', '')).toBe(true);
  });

  it('finds a key holding an action on some rule set, and whether a rule set is among them', () => {
    const portal = ['evaluate:enrolment', 'decisions:receipt:enrol*'];
    expect(scopesGrantAction(portal, 'decisions:receipt')).toBe(true);
    expect(scopesGrantAction(portal, 'decisions:review-request')).toBe(false);
    expect(scopesAllow(portal, 'decisions:receipt', 'enrolment')).toBe(true);
    expect(scopesAllow(portal, 'decisions:receipt', 'invoices')).toBe(false);
  });
});
