import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { useDataProvider } from 'react-admin';
import type { GabaritDataProvider } from '../../dataProvider';

/** The operators and decorators the server accepts in a definition (GET /api/v1/schemas/rulesets). */
export interface RuleVocabulary {
  operators: string[];
  decorators: string[];
}

export const VocabularyContext = createContext<RuleVocabulary>({ operators: [], decorators: [] });

/** The vocabulary the editors below were given. */
export const useVocabulary = () => useContext(VocabularyContext);

/**
 * Reads the vocabulary once and keeps it for the page's life: it changes only with the server's version. Under
 * its own key, so the 'rulesets' queries a change to a rule set refetches leave it be.
 */
export function useRuleVocabulary(): RuleVocabulary | undefined {
  const dataProvider = useDataProvider<GabaritDataProvider>();
  return useQuery({
    queryKey: ['schemas', 'rulesets'],
    queryFn: async () => (await dataProvider.readPath('schemas/rulesets')) as RuleVocabulary,
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
}
