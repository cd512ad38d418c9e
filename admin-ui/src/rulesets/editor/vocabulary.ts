import { createContext, useContext, useEffect, useState } from 'react';
import { httpClient } from '../../dataProvider';

/** The operators and decorators the server accepts in a definition (GET /api/v1/schemas/rulesets). */
export interface RuleVocabulary {
  operators: string[];
  decorators: string[];
}

export const VocabularyContext = createContext<RuleVocabulary>({ operators: [], decorators: [] });

/** The vocabulary the editors below were given. */
export const useVocabulary = () => useContext(VocabularyContext);

let cached: Promise<RuleVocabulary> | undefined;

/** Reads the vocabulary once per page load: it changes only with the server's version. */
export function useRuleVocabulary(): RuleVocabulary | undefined {
  const [vocabulary, setVocabulary] = useState<RuleVocabulary | undefined>();
  useEffect(() => {
    cached ??= httpClient('/api/v1/schemas/rulesets').then(({ json }) => json as RuleVocabulary);
    cached.then(setVocabulary, () => {
      cached = undefined;
    });
  }, []);
  return vocabulary;
}
