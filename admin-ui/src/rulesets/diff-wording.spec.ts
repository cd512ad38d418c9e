import { describe, expect, it } from 'vitest';
import { textChange, wordChange, type RulesetChange } from './diff-wording';
import { fr } from '../i18n/fr';
import polyglotI18nProvider from 'ra-i18n-polyglot';

const translate = polyglotI18nProvider(() => fr, 'fr').translate as (
  key: string,
  options?: Record<string, unknown>,
) => string;

describe('diff wording', () => {
  it('rebuilds the API’s English summaries in French, keeping the values', () => {
    const changes: RulesetChange[] = [
      {
        kind: 'moved',
        entity: 'row',
        id: 'direction',
        path: '/definition/rows/0',
        before: 2,
        after: 1,
        summary: 'row "direction" moved from position 2 to 1',
      },
      {
        kind: 'changed',
        entity: 'row',
        id: 'appel-d-offres',
        path: '/definition/rows/1/cells/total/value',
        before: 133800,
        after: 140000,
        summary: 'row "appel-d-offres" cells/total/value: 133800 → 140000',
      },
      {
        kind: 'added',
        entity: 'rule',
        id: 'montant-eleve',
        path: '/definition/rules/3',
        after: {},
        summary: 'rule "montant-eleve" added at position 4',
      },
      {
        kind: 'changed',
        entity: 'hitPolicy',
        id: 'hitPolicy',
        path: '/definition/hitPolicy',
        before: 'first',
        after: 'collect',
        summary: 'hit policy first → collect',
      },
      {
        kind: 'changed',
        entity: 'rule',
        id: 'rena-contrat-anterieur',
        path: '/definition/rules/2/priority',
        before: 100,
        after: 90,
        summary: 'rule "rena-contrat-anterieur" priority: 100 → 90',
      },
    ];
    expect(changes.map((c) => wordChange(c, translate))).toEqual([
      'Ligne « direction » : position 2 → 1',
      'Ligne « appel-d-offres », cellules › total › valeur : 133800 → 140000',
      'Règle « montant-eleve » : ajout',
      'Politique de résultat : first → collect',
      'Règle « rena-contrat-anterieur », priorité : 100 → 90',
    ]);
  });

  it('words the changes to computed facts, lookups and settings that move decisions without touching a rule', () => {
    const changes: RulesetChange[] = [
      {
        kind: 'changed',
        entity: 'computedFact',
        id: 'parameters',
        path: '/computedFacts/0/expression',
        before: '{"formDeadlineDays": 14}',
        after: '{"formDeadlineDays": 3}',
        summary: 'computedFact "parameters" expression: "{\\"formDeadlineDays\\": 14}" → "{\\"formDeadlineDays\\": 3}"',
      },
      {
        kind: 'changed',
        entity: 'lookup',
        id: 'supplier',
        path: '/lookups/0/table',
        before: 'suppliers',
        after: 'suppliers-2026',
        summary: 'lookup "supplier" table: "suppliers" → "suppliers-2026"',
      },
      {
        kind: 'added',
        entity: 'setting',
        id: 'logDecisions',
        path: '/settings/logDecisions',
        after: false,
        summary: 'setting logDecisions: added false',
      },
    ];
    expect(changes.map((c) => wordChange(c, translate))).toEqual([
      'Fait calculé « parameters », expression : {"formDeadlineDays": 14} → {"formDeadlineDays": 3}',
      'Consultation de table « supplier », table : suppliers → suppliers-2026',
      'Réglage, conserver les décisions : ∅ → false',
    ]);
  });

  it('counts the items of a list from 1, as the editor does: « branche 1 », not « branches › 0 »', () => {
    const change: RulesetChange = {
      kind: 'changed',
      entity: 'node',
      id: 'statut',
      path: '/definition/nodes/0/branches/0/label',
      before: 'Permanent',
      after: 'Permanent ou temporaire',
      summary: 'node "statut" branches/0/label: Permanent → Permanent ou temporaire',
    };
    const worded = wordChange(change, translate);
    expect(worded).toContain('branche 1 › libellé');
    expect(worded).not.toMatch(/branches|› 0 ›/);
  });

  it('says conditions, cells, decisions and branches in words, as the editors show them', () => {
    // French typography puts non-breaking spaces before « : » and inside « »: compared as plain spaces here.
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    const change = (path: string, before: unknown, after: unknown, summary: string): RulesetChange => ({
      kind: 'changed',
      entity: 'namedCondition',
      id: 'doublon-possible',
      path,
      before,
      after,
      summary,
    });
    const added = wordChange(
      change(
        '/definition/conditions/doublon-possible/all/1',
        undefined,
        { fact: 'invoice', operator: 'greaterThanInclusive', value: 100, path: '$.total' },
        'condition "doublon-possible" all/1: ∅ → {…}',
      ),
      translate,
    );
    expect(plain(added)).toContain('∅ → invoice.total est supérieur ou égal à 100');
    expect(plain(added)).not.toContain('{');
    const cell = wordChange(
      {
        ...change(
          '/definition/rows/0/cells/level/operator',
          'equal',
          'in',
          'row "direction" cells/level/operator: equal → in',
        ),
        entity: 'row',
        id: 'direction',
      },
      translate,
    );
    expect(plain(cell)).toContain('est égal à → fait partie de');
    const branch = wordChange(
      {
        ...change(
          '/definition/nodes/0/branches/1',
          undefined,
          {
            label: 'étudiant',
            when: { all: [{ fact: 'employee', path: '$.status', operator: 'not:in', value: ['student', 'intern'] }] },
            node: 'statut-etudiant',
          },
          'node "statut" branches/1: ∅ → {…}',
        ),
        entity: 'node',
        id: 'statut',
      },
      translate,
    );
    expect(plain(branch)).toContain(
      '« étudiant », quand toutes ces conditions : employee.status NON (fait partie de) « student », « intern », vers « statut-etudiant »',
    );
    const decision = wordChange(
      {
        ...change(
          '/definition/rules/0/event',
          { type: 'auto_approve' },
          { type: 'manual_review', params: { motif: 'x' } },
          'rule "r" event: {…} → {…}',
        ),
        entity: 'rule',
        id: 'r',
      },
      translate,
    );
    expect(plain(decision)).toContain(
      'Approuvée automatiquement → Transmise à un membre du personnel pour examen {"motif":"x"}',
    );
    // A decision's type alone: in words where the console has them, its code otherwise.
    const typeOnly = wordChange(
      {
        ...change('/definition/rows/0/event/type', 'route_approval', 'manual_review', 'row "equipe" event/type: x'),
        entity: 'row',
        id: 'equipe',
      },
      translate,
    );
    expect(plain(typeOnly)).toContain('Acheminée pour approbation → Transmise à un membre du personnel pour examen');
  });

  it('shows a long text changed in place by its changed words, with a little text around them', () => {
    const expression = (days: number) =>
      `{"eligibleStatuses": ["permanent", "temporary"], "formDeadlineDays": ${days}, "rehireWindowDays": 30, "waitingMonths": {"permanent": 1, "temporary": 3}, "publicPlanAge": 65}`;
    const change: RulesetChange = {
      kind: 'changed',
      entity: 'computedFact',
      id: 'parameters',
      path: '/computedFacts/0/expression',
      before: expression(14),
      after: expression(5),
      summary: `computedFact "parameters" expression: ${expression(14)} → ${expression(5)}`,
    };
    const text = textChange(change, translate)!;
    expect(text.heading).toBe('Fait calculé «\u00a0parameters\u00a0», expression, mots changés\u00a0:');
    expect(text.parts.filter((p) => p.kind !== 'same')).toEqual([
      { text: '14', kind: 'removed' },
      { text: '5', kind: 'added' },
    ]);
    // The unchanged text around the change is shortened, not shown whole.
    const shown = text.parts.map((p) => p.text).join('');
    expect(shown.length).toBeLessThan(expression(14).length);
    expect(shown).toBe(`…"], "formDeadlineDays": 145, "rehireWindowDays": 30…`);
    // A short value stays as before/after.
    expect(textChange({ ...change, before: 'a', after: 'b' }, translate)).toBeUndefined();
  });
});
