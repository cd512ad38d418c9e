import { describe, expect, it } from 'vitest';
import {
  addInput,
  addRow,
  moveInput,
  moveRow,
  removeInput,
  removeRow,
  setCell,
  type DecisionTable,
} from './table-model';
import { duplicateIds, newBranch, treeLines, type TreeNode } from './tree-model';

const table: DecisionTable = {
  hitPolicy: 'first',
  inputs: [
    { id: 'total', fact: 'invoice', path: '$.total' },
    { id: 'lang', fact: 'invoice', path: '$.language' },
  ],
  rows: [
    {
      id: 'haut',
      cells: { total: { operator: 'greaterThanInclusive', value: 25000 }, lang: { operator: 'equal', value: 'fr' } },
      event: { type: 'route' },
    },
    { id: 'bas', cells: { total: { operator: 'greaterThanInclusive', value: 0 } }, event: { type: 'route' } },
  ],
};

describe('decision table grid', () => {
  it('adds a row with a fresh id and the previous event type, and moves rows in both directions within bounds', () => {
    const added = addRow(table);
    expect(added.rows.map((r) => r.id)).toEqual(['haut', 'bas', 'row-3']);
    expect(added.rows[2]).toEqual({ id: 'row-3', cells: {}, event: { type: 'route' } });
    expect(moveRow(added, 2, -1).rows.map((r) => r.id)).toEqual(['haut', 'row-3', 'bas']);
    expect(moveRow(added, 0, -1).rows.map((r) => r.id)).toEqual(['haut', 'bas', 'row-3']);
    expect(removeRow(added, 0).rows.map((r) => r.id)).toEqual(['bas', 'row-3']);
  });

  it('adds a row before a last row that matches everything when the first match decides, where it can be reached', () => {
    const withDefault = {
      ...table,
      hitPolicy: 'first' as const,
      rows: [...table.rows, { id: 'sinon', cells: {}, event: { type: 'manual' } }],
    };
    expect(addRow(withDefault).rows.map((r) => r.id)).toEqual(['haut', 'bas', 'row-4', 'sinon']);
    expect(addRow(withDefault).rows[2]!.event).toEqual({ type: 'route' }); // the event of the row above it
    // Collecting every match, a row after the default is reached like any other.
    expect(addRow({ ...withDefault, hitPolicy: 'collect' }).rows.map((r) => r.id)).toEqual([
      'haut',
      'bas',
      'sinon',
      'row-4',
    ]);
  });

  it('removing a column removes its cells from every row', () => {
    const without = removeInput(table, 1);
    expect(without.inputs.map((i) => i.id)).toEqual(['total']);
    expect(without.rows[0]!.cells).toEqual({ total: { operator: 'greaterThanInclusive', value: 25000 } });
  });

  it('adds and reorders columns, and clears a cell to mean any value', () => {
    const wider = addInput(table, { fact: 'supplierStatus', path: '$.onRena' });
    expect(wider.inputs.map((i) => i.id)).toEqual(['total', 'lang', 'input-3']);
    expect(moveInput(wider, 2, -1).inputs.map((i) => i.id)).toEqual(['total', 'input-3', 'lang']);
    expect(setCell(table, 0, 'lang', undefined).rows[0]!.cells).toEqual({
      total: { operator: 'greaterThanInclusive', value: 25000 },
    });
    expect(setCell(table, 1, 'lang', { operator: 'equal', value: 'en' }).rows[1]!.cells['lang']).toEqual({
      operator: 'equal',
      value: 'en',
    });
    expect(table.rows[1]!.cells['lang']).toBeUndefined();
  });
});

const tree: TreeNode = {
  id: 'statut',
  branches: [
    {
      label: 'non admissible',
      when: { all: [{ fact: 'statusEligible', operator: 'equal', value: false }] },
      node: { id: 'non-admissible', outcome: { type: 'ineligible' } },
    },
  ],
  otherwise: {
    id: 'age',
    branches: [
      {
        label: '65+',
        when: { all: [{ fact: 'ageAtHire', operator: 'greaterThanInclusive', value: 65 }] },
        node: { id: 'revue', outcome: { type: 'manual_review' } },
      },
    ],
    otherwise: { id: 'ok', outcome: { type: 'auto_approve' } },
  },
};

describe('decision tree view', () => {
  it('lists nodes indented in the order the engine asks, with how each is reached', () => {
    expect(treeLines(tree).map((l) => [l.node.id, l.depth, l.via?.kind ?? 'root', l.isLeaf])).toEqual([
      ['statut', 0, 'root', false],
      ['non-admissible', 1, 'branch', true],
      ['age', 1, 'otherwise', false],
      ['revue', 2, 'branch', true],
      ['ok', 2, 'otherwise', true],
    ]);
    expect(treeLines(tree)[3]!.path).toEqual(['root', 'otherwise', 'branches', 0, 'node']);
  });

  it('hides what lies under a collapsed node', () => {
    expect(treeLines(tree, new Set(['age'])).map((l) => l.node.id)).toEqual(['statut', 'non-admissible', 'age']);
  });

  it('finds duplicate node ids and makes new branches with unused ids', () => {
    expect(duplicateIds(tree)).toEqual([]);
    const twice = { ...tree, otherwise: { ...tree.otherwise!, otherwise: { id: 'revue', outcome: { type: 'x' } } } };
    expect(duplicateIds(twice)).toEqual(['revue']);
    expect(newBranch(['node-1', 'a'], { all: [] }).node.id).toBe('node-3');
  });
});
