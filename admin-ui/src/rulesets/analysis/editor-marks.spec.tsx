import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AdminContext } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../../i18n/i18nProvider';
import { factOptions } from '../editor/fact-paths';
import { RulesEditor } from '../editor/RulesEditor';
import { TreeEditor } from '../editor/TreeEditor';
import { VocabularyContext } from '../editor/vocabulary';
import { SERVER_VOCABULARY } from '../editor/vocabulary.fixture';
import { AnalysisContext, placeOf, type Finding } from './analysis-model';

const facts = factOptions({
  type: 'object',
  properties: { demande: { type: 'object', properties: { montant: { type: 'number' } } } },
});
const leaf = (operator: string, value: number) => ({ fact: 'demande', path: '$.montant', operator, value });

/** An editor under the findings the rule-set editor would give it (paths relative to the definition). */
const withFindings = (findings: Finding[], editor: ReactNode) =>
  render(
    <AdminContext i18nProvider={i18nProvider}>
      <VocabularyContext.Provider value={SERVER_VOCABULARY}>
        <AnalysisContext.Provider value={{ findings, reveal: () => undefined }}>{editor}</AnalysisContext.Provider>
      </VocabularyContext.Provider>
    </AdminContext>,
  );

const marked = (path: string) => document.querySelector<HTMLElement>(`[data-analysis-path="${path}"]`)!;

describe('findings on the element they name', () => {
  it('puts a tree branch’s finding on that branch, not on its parent or siblings', () => {
    const root = {
      id: 'question',
      label: 'Montant ?',
      branches: [
        { when: { all: [leaf('greaterThan', 5)] }, node: { id: 'eleve', outcome: { type: 'revue' } } },
        {
          when: { all: [leaf('greaterThan', 10)] },
          node: { id: 'tres-eleve', outcome: { type: 'refus' } },
        },
      ],
      otherwise: { id: 'bas', outcome: { type: 'ok' } },
    };
    withFindings(
      [
        {
          kind: 'unreachable',
          severity: 'warning',
          path: '/root/branches/1',
          message: 'branch "tres-eleve" is never taken',
          text: {
            fr: 'la branche «\u00a0tres-eleve\u00a0» n’est jamais prise',
            en: 'branch "tres-eleve" is never taken',
          },
        },
      ],
      <TreeEditor definition={{ root }} onChange={() => undefined} facts={facts} problems={new Map()} />,
    );
    const never = /Avertissement\s*:\s*Jamais atteint/;
    expect(marked('/root/branches/1').textContent).toMatch(never);
    expect(marked('/root/branches/0').textContent).not.toMatch(never);
    expect(marked('/root').textContent).not.toMatch(never);
  });

  it('puts a condition’s finding under its rule, with the rule marked', () => {
    const definition = {
      rules: [
        { name: 'petit', conditions: { all: [leaf('lessThan', 5)] }, event: { type: 'ok' } },
        {
          name: 'impossible',
          conditions: { all: [leaf('greaterThan', 5), leaf('lessThan', 3)] },
          event: { type: 'revue' },
        },
      ],
    };
    withFindings(
      [
        {
          kind: 'contradiction',
          severity: 'error',
          path: '/rules/1',
          message: 'rule "impossible" can never fire: its conditions contradict each other',
          text: {
            fr: 'la règle «\u00a0impossible\u00a0» ne peut jamais s’appliquer\u00a0: ses conditions se contredisent',
            en: 'rule "impossible" can never fire: its conditions contradict each other',
          },
        },
        {
          kind: 'unknown_fact',
          severity: 'warning',
          path: '/rules/1/conditions/all/0',
          message: '"demande.taux" is not in the input schema, nor a computed fact or lookup',
          text: {
            fr: '«\u00a0demande.taux\u00a0» n’est ni dans le schéma d’entrée, ni un fait calculé ou consulté',
            en: '"demande.taux" is not in the input schema, nor a computed fact or lookup',
          },
        },
      ],
      <RulesEditor definition={definition} onChange={() => undefined} facts={facts} problems={new Map()} />,
    );
    const rule = marked('/rules/1').textContent;
    expect(rule).toMatch(/Erreur\s*:\s*Ne peut jamais s’appliquer/);
    expect(rule).toMatch(/Le fait «\s*demande\.taux\s*» est absent du schéma des faits/);
    expect(marked('/rules/0').textContent).not.toMatch(/Erreur/);
    expect(screen.getByRole('button', { name: /^impossible revue/ })).toBeTruthy();
  });
});

describe('the place a problem of a tree is named by', () => {
  it('names a branch’s own fields by the node it leads to, not the question above it', () => {
    const definition = {
      root: {
        id: 'age',
        branches: [
          { when: { all: [] }, node: { id: 'jeune', outcome: { type: 'a' } } },
          { label: '', when: { all: [] }, node: { id: 'node-3', outcome: { type: '' } } },
        ],
      },
    };
    const translate = (key: string, options?: object) => `${key} ${JSON.stringify(options)}`;
    expect(placeOf('/definition/root/branches/1/label', definition, translate)).toBe(
      'gabarit.analysis.place_node {"id":"node-3"}',
    );
    expect(placeOf('/definition/root/branches/1/node/outcome/type', definition, translate)).toBe(
      'gabarit.analysis.place_node {"id":"node-3"}',
    );
    expect(placeOf('/definition/root/label', definition, translate)).toBe('gabarit.analysis.place_node {"id":"age"}');
  });
});
