import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n/i18nProvider';
import { outcomeWithCode, outcomeWords } from './outcomes';

const translate = i18nProvider.translate as (key: string, options?: object) => string;

describe('outcomes in words', () => {
  it('words the outcomes the console knows, and keeps the code beside them for those who write rules', () => {
    expect(outcomeWords('request_documents', translate)).toBe('Documents demandés');
    expect(outcomeWithCode('auto_approve', translate)).toBe('Approuvée automatiquement (auto_approve)');
    // A rule set's own outcome has no words here: its code alone, not « undefined » nor a key.
    expect(outcomeWithCode('route_approval', translate)).toBe('route_approval');
  });
});
