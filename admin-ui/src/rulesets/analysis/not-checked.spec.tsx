import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../common/testing/fake-api';
import { AnalysisPanel } from './AnalysisPanel';
import type { Analysis, NotChecked } from './analysis-model';

const computed = (fact: string, path: string): NotChecked => ({
  path,
  reason: `"${fact}" is computed or looked up: its type is not checked`,
  text: {
    fr: `«\u00a0${fact}\u00a0» est calculé ou consulté\u00a0: son type n’est pas vérifié`,
    en: `"${fact}" is computed or looked up: its type is not checked`,
  },
});

const analysis: Analysis = {
  findings: [],
  checked: [],
  checkedText: [],
  notChecked: [
    computed('neqCompact', '/definition/conditions/neq-invalide/all/0'),
    computed('neqCompact', '/definition/conditions/neq-invalide/all/1'),
    computed('purchaseOrder', '/definition/conditions/sans-bon-de-commande/all/0'),
    computed('neqCompact', '/definition/conditions/neq-different/all/0'),
  ],
};

describe('what the analysis could not check', () => {
  it('lists each reason once with the places it applies to, each place once with how many questions', async () => {
    renderConsole(
      <AnalysisPanel
        version={1}
        analysis={{ data: analysis, isPending: false, error: null }}
        definition={{ rules: [] }}
      />,
      ['analyst'],
    );
    // Four questions, counted as such; two reasons listed.
    expect(await screen.findByText('4 questions non vérifiées')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les 4 questions non vérifiées' }));
    const items = within(screen.getByRole('region', { name: /Non vérifié \(4\)/ })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent!.replace(/\s+/g, ' '))).toEqual([
      'Non vérifié : Condition nommée « neq-invalide » ×2, Condition nommée « neq-different »' +
        '« neqCompact » est calculé ou consulté : son type n’est pas vérifié',
      'Non vérifié : Condition nommée « sans-bon-de-commande »' +
        '« purchaseOrder » est calculé ou consulté : son type n’est pas vérifié',
    ]);
  });
});
