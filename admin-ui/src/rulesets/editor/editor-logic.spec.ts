import { SERVER_VOCABULARY } from './vocabulary.fixture';
import { afterEach, describe, expect, it } from 'vitest';
import { changesBetween } from '../../common/drafts/conflict';
import { dropStash, readStash, stashEdit } from '../../common/draft-stash';
import { factOptions } from './fact-paths';
import { liveChecks } from './live-checks';

const facts = factOptions({
  type: 'object',
  properties: { invoice: { type: 'object', properties: { total: { type: 'number' } } } },
});

describe('live checks of a whole definition', () => {
  it('places rule, named-condition and event problems under /rules and /conditions', () => {
    const definition = {
      rules: [{ conditions: { all: [{ condition: 'eleve' }] }, event: { type: '' } }],
      conditions: { eleve: { all: [{ fact: 'invoice', path: '$.totale', operator: 'greaterThan', value: 1 }] } },
    };
    expect(liveChecks('rules', definition, facts, SERVER_VOCABULARY).map((p) => `${p.path} ${p.problem}`)).toEqual([
      '/rules/0/event/type event_required',
      '/conditions/eleve/all/0/path unknown_path',
    ]);
  });

  it('says a priority the server would refuse as it is typed: a whole number from 1 to 1000', () => {
    const rule = (priority: unknown) => ({
      priority,
      conditions: { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1 }] },
      event: { type: 'x' },
    });
    const definition = { rules: [rule(-5), rule(0), rule(2.5), rule(1001), rule(1), rule(1000), rule(undefined)] };
    expect(liveChecks('rules', definition, facts, SERVER_VOCABULARY).map((p) => `${p.path} ${p.problem}`)).toEqual([
      '/rules/0/priority priority_range',
      '/rules/1/priority priority_range',
      '/rules/2/priority priority_range',
      '/rules/3/priority priority_range',
    ]);
  });

  it('flags table cells with unknown operators or columns, and duplicate row ids', () => {
    const table = {
      hitPolicy: 'first',
      inputs: [{ id: 'total', fact: 'invoice', path: '$.total' }],
      rows: [
        { id: 'a', cells: { total: { operator: 'atLeast', value: 1 } }, event: { type: 'x' } },
        { id: 'a', cells: { gone: { operator: 'equal', value: 1 } }, event: { type: 'x' } },
      ],
    };
    expect(liveChecks('decisionTable', table, facts, SERVER_VOCABULARY).map((p) => `${p.path} ${p.problem}`)).toEqual([
      '/rows/0/cells/total/operator unknown_operator',
      '/rows/1/cells/gone unknown_column',
      '/rows/1/id duplicate_id',
    ]);
  });

  it('checks each branch condition of a tree at its place, and leaves without an outcome', () => {
    const tree = {
      root: {
        id: 'q',
        branches: [
          {
            when: { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan' }] },
            node: { id: 'leaf', outcome: { type: '' } },
          },
        ],
        otherwise: { id: 'ok', outcome: { type: 'fine' } },
      },
    };
    expect(liveChecks('decisionTree', tree, facts, SERVER_VOCABULARY).map((p) => `${p.path} ${p.problem}`)).toEqual([
      '/root/branches/0/node/outcome/type event_required',
      '/root/branches/0/when/all/0/value value_required',
    ]);
  });

  it('says at once what the server would refuse in a new branch: empty labels and explanations, a malformed id', () => {
    const tree = {
      root: {
        id: 'q',
        label: 'Statut',
        branches: [
          {
            label: ' ',
            when: { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1 }] },
            node: { id: 'Feuille 1', outcome: { type: 'ok' }, explanation: { fr: '', en: 'Fine.' } },
          },
        ],
        otherwise: { id: 'ok', outcome: { type: 'fine' } },
      },
    };
    expect(liveChecks('decisionTree', tree, facts, SERVER_VOCABULARY).map((p) => `${p.path} ${p.problem}`)).toEqual([
      '/root/branches/0/node/id node_id_format',
      '/root/branches/0/node/explanation/fr text_required',
      '/root/branches/0/label text_required',
    ]);
  });
});

describe('conflict summary', () => {
  it('says what the other person changed, path by path', () => {
    expect(
      changesBetween(
        { definition: { rules: [{ priority: 1 }] }, tests: [] },
        { definition: { rules: [{ priority: 5 }] }, tests: [{ name: 'nouveau' }] },
      ),
    ).toEqual([
      { path: '/definition/rules/0/priority', kind: 'changed', before: 1, after: 5 },
      { path: '/tests/0', kind: 'added', after: { name: 'nouveau' } },
    ]);
  });
});

describe('unsaved edits kept in the browser', () => {
  afterEach(() => dropStash('rulesets', 'invoices'));

  it('keeps the edit with the ETag it started from until it is dropped', () => {
    stashEdit(
      'rulesets',
      'invoices',
      { content: { definition: { rules: [] } }, baseEtag: '"e1"' },
      new Date('2026-11-29T10:00:00Z'),
    );
    expect(readStash('rulesets', 'invoices')).toEqual({
      content: { definition: { rules: [] } },
      baseEtag: '"e1"',
      savedAt: '2026-11-29T10:00:00.000Z',
    });
    expect(readStash('rulesets', 'enrolment')).toBeUndefined();
    dropStash('rulesets', 'invoices');
    expect(readStash('rulesets', 'invoices')).toBeUndefined();
  });
});
