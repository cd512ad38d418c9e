/** What a new rule set starts from, so the analyst edits a working example in the visual editor rather than a blank page. */
export const STARTER_SCHEMA = {
  type: 'object',
  required: ['demande'],
  properties: {
    demande: { type: 'object', required: ['montant'], properties: { montant: { type: 'number', minimum: 0 } } },
  },
};

const firstCondition = { all: [{ fact: 'demande', path: '$.montant', operator: 'greaterThan', value: 0 }] };

export function starterDefinition(format: string): Record<string, unknown> {
  if (format === 'decisionTable') {
    return {
      hitPolicy: 'first',
      inputs: [{ id: 'montant', label: 'Montant', fact: 'demande', path: '$.montant' }],
      rows: [{ id: 'ligne-1', cells: { montant: { operator: 'greaterThan', value: 0 } }, event: { type: 'decision' } }],
    };
  }
  if (format === 'decisionTree') {
    return {
      root: {
        id: 'question',
        label: 'Montant positif ?',
        branches: [{ label: 'oui', when: firstCondition, node: { id: 'oui', outcome: { type: 'decision' } } }],
        otherwise: { id: 'non', outcome: { type: 'autre_decision' } },
      },
    };
  }
  return { rules: [{ name: 'regle-1', conditions: firstCondition, event: { type: 'decision' } }] };
}
