import { describe, expect, it } from '@jest/globals';
import { Report } from './findings.js';
import { checkOutcomeSpelling } from './outcomes.js';

const warnings = (format: string, definition: object) => {
  const report = new Report();
  checkOutcomeSpelling(format, definition as Record<string, unknown>, report);
  return report.findings.map((f) => [f.path, f.message]);
};
const rule = (type: string) => ({ conditions: { all: [] }, event: { type } });

describe('the spelling of outcomes', () => {
  it('warns of an outcome one or two edits from a known one, at its place', () => {
    expect(warnings('rules', { rules: [rule('auto_approve'), rule('auto_aprove'), rule('manual_reveiw')] })).toEqual([
      [
        '/definition/rules/1/event/type',
        'outcome "auto_aprove" looks like a misspelling of "auto_approve": the systems that read decisions would not recognise it',
      ],
      [
        '/definition/rules/2/event/type',
        'outcome "manual_reveiw" looks like a misspelling of "manual_review": the systems that read decisions would not recognise it',
      ],
    ]);
  });

  it('compares a new outcome with the version’s more frequent ones, and leaves distinct names alone', () => {
    const rows = ['pay_later', 'pay_later', 'pay_latr', 'escalate', 'reject'].map((type, i) => ({
      id: `r${i}`,
      cells: {},
      event: { type },
    }));
    expect(warnings('decisionTable', { rows }).map(([path]) => path)).toEqual(['/definition/rows/2/event/type']);
    expect(warnings('rules', { rules: [rule('approve'), rule('reject'), rule('refer')] })).toEqual([]);
    // Two spellings used as often: neither is taken for the other's typo.
    expect(warnings('rules', { rules: [rule('pay_later'), rule('pay_latr')] })).toEqual([]);
  });

  it('warns of a known outcome with text run into it, typed into the field that held it; a name of its own is left alone', () => {
    expect(
      warnings('rules', { rules: [rule('ineligiblerevue_manuelle'), rule('prereject'), rule('soft_reject')] }),
    ).toEqual([
      [
        '/definition/rules/0/event/type',
        'outcome "ineligiblerevue_manuelle" looks like a misspelling of "ineligible": the systems that read decisions would not recognise it',
      ],
      [
        '/definition/rules/1/event/type',
        'outcome "prereject" looks like a misspelling of "reject": the systems that read decisions would not recognise it',
      ],
    ]);
  });

  it('reads the outcomes of a tree’s leaves, under branches and otherwise', () => {
    const tree = {
      root: {
        id: 'a',
        branches: [{ when: { all: [] }, node: { id: 'b', outcome: { type: 'inelligible' } } }],
        otherwise: { id: 'c', outcome: { type: 'auto_approve' } },
      },
    };
    expect(warnings('decisionTree', tree).map(([path]) => path)).toEqual([
      '/definition/root/branches/0/node/outcome/type',
    ]);
  });
});
