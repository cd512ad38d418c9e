import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole } from '../../common/testing/fake-api';
import { AnalysisPanel } from './AnalysisPanel';
import type { Analysis, Finding } from './analysis-model';

const definition = {
  hitPolicy: 'first',
  rows: [{ id: 'equipe' }, { id: 'sans-delegation' }],
};
// The server's overlap findings under `first` as it words them: the message names a row again after both.
const overlap = (message: string, severity: Finding['severity']): Finding => ({
  kind: 'overlap',
  severity,
  path: '/definition/rows/1',
  message,
  text: { fr: 'détail en français', en: message },
});
const analysis: Analysis = {
  findings: [
    overlap('rows "equipe" and "sans-delegation" can both match one input; under first, "equipe" wins', 'warning'),
    overlap(
      'rows "equipe" and "sans-delegation" can both match one input; under first, "equipe" wins and "sans-delegation", which constrains nothing, takes the rest',
      'info',
    ),
  ],
  checked: [],
  checkedText: [],
  notChecked: [],
};

describe('wording an overlap finding', () => {
  it('names each of the two rows once, however often the server’s message quotes them', () => {
    fakeApi({});
    renderConsole(
      <AnalysisPanel
        version={2}
        analysis={{ data: analysis, isPending: false, error: null }}
        definition={definition}
      />,
    );
    const worded = screen.getAllByText(/peuvent s’appliquer toutes deux/);
    expect(worded).toHaveLength(2);
    for (const finding of worded)
      expect(finding.textContent).toMatch(
        /Les lignes «\s*equipe\s*» et «\s*sans-delegation\s*» peuvent s’appliquer toutes deux à une même entrée\./,
      );
  });
});
