import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n/i18nProvider';
import { outcomeWithCode, outcomeWords, transitionWords } from './outcomes';

const translate = i18nProvider.translate as (key: string, options?: object) => string;

describe('outcomes in words', () => {
  it('words the outcomes the console knows, and keeps the code beside them for those who write rules', () => {
    expect(outcomeWords('request_documents', translate)).toBe('Documents demandés');
    expect(outcomeWithCode('auto_approve', translate)).toBe('Approuvée automatiquement (auto_approve)');
    expect(outcomeWithCode('route_approval', translate)).toBe('Acheminée pour approbation (route_approval)');
    // A rule set's own outcome has no words here: its code alone, not « undefined » nor a key.
    expect(outcomeWithCode('escalate_to_board', translate)).toBe('escalate_to_board');
  });
});

describe('a change of outcome in words', () => {
  it('says why a version could not decide when the API gives a code it knows, and only that it could not otherwise', () => {
    expect(transitionWords('auto_approve → error: undefined_fact', translate)).toBe(
      'Approuvée automatiquement → la version n’a pas pu décider (ses règles lisent un fait que les données n’ont pas)',
    );
    expect(transitionWords('auto_approve → error: made_up_code', translate)).toBe(
      'Approuvée automatiquement → la version n’a pas pu décider',
    );
    expect(transitionWords('(none) → error: Something broke', translate)).toBe(
      'aucune décision → la version n’a pas pu décider',
    );
  });

  it('says the same decision with other parameters, naming them', () => {
    expect(transitionWords('route_approval → route_approval (level)', translate)).toMatch(
      /^Acheminée pour approbation → Acheminée pour approbation \(paramètres modifiés\s:\slevel\)$/,
    );
    expect(transitionWords('auto_approve → auto_approve (dueBy, level)', translate)).toMatch(
      /^Approuvée automatiquement → Approuvée automatiquement \(paramètres modifiés\s:\sdueBy, level\)$/,
    );
    // An error's own parentheses are not parameters.
    expect(transitionWords('auto_approve → error: x (y)', translate)).toBe(
      'Approuvée automatiquement → la version n’a pas pu décider',
    );
  });
});
