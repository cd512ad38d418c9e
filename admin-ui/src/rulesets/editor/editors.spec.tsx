import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { AdminContext } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../../i18n/i18nProvider';
import { ConditionBuilder } from './ConditionBuilder';
import type { Condition } from './condition-model';
import { factOptions } from './fact-paths';
import { RulesEditor, type RulesDefinition } from './RulesEditor';
import { TableEditor } from './TableEditor';
import type { DecisionTable } from './table-model';
import { TreeEditor } from './TreeEditor';
import { VocabularyContext } from './vocabulary';
import { SERVER_VOCABULARY } from './vocabulary.fixture';
import type { TreeNode } from './tree-model';

const facts = factOptions({
  type: 'object',
  properties: { invoice: { type: 'object', properties: { total: { type: 'number' }, language: { type: 'string' } } } },
});

/** Holds the edited value like the rule-set editor does and shows it as JSON, the way the JSON editor beside it would. */
function Harness<T>({
  initial,
  render: draw,
}: {
  initial: T;
  render: (value: T, set: (next: T) => void) => ReactNode;
}) {
  const [value, setValue] = useState(initial);
  return (
    <AdminContext i18nProvider={i18nProvider}>
      <VocabularyContext.Provider value={SERVER_VOCABULARY}>{draw(value, setValue)}</VocabularyContext.Provider>
      <pre data-testid="json">{JSON.stringify(value)}</pre>
    </AdminContext>
  );
}
const json = () => JSON.parse(screen.getByTestId('json').textContent ?? 'null') as unknown;

describe('condition builder ↔ JSON', () => {
  const start: Condition = { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1000 }] };
  const renderBuilder = (problems = new Map<string, string[]>(), initial = start, known = facts) =>
    render(
      <Harness<Condition>
        initial={initial}
        render={(value, set) => (
          <ConditionBuilder
            root={value}
            onChange={set}
            facts={known}
            namedConditions={['rena']}
            problems={problems}
            prefix="/rules/0/conditions"
          />
        )}
      />,
    );

  it('writes a typed number into the JSON, and keeps a word out of it with the reason on the field', () => {
    renderBuilder();
    const valueBox = screen.getByRole('textbox', { name: 'Valeur' });
    fireEvent.change(valueBox, { target: { value: '25000' } });
    expect(json()).toEqual({ all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 25000 }] });
    fireEvent.change(valueBox, { target: { value: 'beaucoup' } });
    expect(screen.getByText(/Cette comparaison porte sur un nombre/)).toBeTruthy();
    expect(json()).toEqual({ all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 25000 }] });
  });

  it('asks a number of a computed fact compared as a number, as typed and when the operator changes', () => {
    const withComputed = factOptions({ type: 'object', properties: {} }, [{ name: 'expectedGst' }]);
    renderBuilder(new Map(), { all: [{ fact: 'expectedGst', operator: 'equal', value: 'abc' }] }, withComputed);
    // Its type is unknown: equal takes any value.
    expect(screen.queryByText(/porte sur un nombre/)).toBeNull();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Opérateur' }));
    fireEvent.click(screen.getByRole('option', { name: 'est supérieur à' }));
    expect(screen.getByText(/Cette comparaison porte sur un nombre/)).toBeTruthy();
    const valueBox = screen.getByRole('textbox', { name: 'Valeur' });
    fireEvent.change(valueBox, { target: { value: '12.5' } });
    expect(screen.queryByText(/porte sur un nombre/)).toBeNull();
    fireEvent.change(valueBox, { target: { value: 'douze' } });
    expect(screen.getByText(/Cette comparaison porte sur un nombre/)).toBeTruthy();
    expect(json()).toEqual({ all: [{ fact: 'expectedGst', operator: 'greaterThan', value: 12.5 }] });
  });

  it('offers the values the schema allows, and points out one it does not, keeping it in the JSON', () => {
    const tiers = factOptions({
      type: 'object',
      properties: { tier: { type: 'string', enum: ['individual', 'single_parent', 'family'] } },
    });
    renderBuilder(new Map(), { all: [{ fact: 'tier', operator: 'equal', value: 'family' }] }, tiers);
    const valueBox = screen.getByRole('combobox', { name: 'Valeur' });
    fireEvent.change(valueBox, { target: { value: 'famille' } });
    expect(screen.getByText(/ne permet pas cette valeur ; il permet : individual, single_parent, family/)).toBeTruthy();
    expect(json()).toEqual({ all: [{ fact: 'tier', operator: 'equal', value: 'famille' }] });
    fireEvent.change(valueBox, { target: { value: 'sing' } });
    fireEvent.click(screen.getByRole('option', { name: 'single_parent' }));
    expect(json()).toEqual({ all: [{ fact: 'tier', operator: 'equal', value: 'single_parent' }] });
    expect(screen.queryByText(/ne permet pas cette valeur/)).toBeNull();
  });

  it('lists fields and coded values with their words from the schema, found by either', () => {
    const employee = factOptions({
      type: 'object',
      properties: {
        employee: {
          type: 'object',
          properties: {
            status: {
              type: 'string',
              title: 'Statut d’emploi',
              enum: ['permanent', 'student'],
              'x-enum-titles': { permanent: 'permanent', student: 'étudiant' },
            },
          },
        },
      },
    });
    renderBuilder(
      new Map(),
      { all: [{ fact: 'employee', path: '$.status', operator: 'equal', value: 'permanent' }] },
      employee,
    );
    const factBox = screen.getByRole('combobox', { name: 'Fait' });
    fireEvent.change(factBox, { target: { value: 'statut' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Statut d’emploi — employee.status']);
    fireEvent.click(screen.getByRole('option'));
    const valueBox = screen.getByRole('combobox', { name: 'Valeur' });
    fireEvent.change(valueBox, { target: { value: 'étud' } });
    fireEvent.click(screen.getByRole('option', { name: 'étudiant (student)' }));
    expect(json()).toEqual({ all: [{ fact: 'employee', path: '$.status', operator: 'equal', value: 'student' }] });
  });

  it('negates a condition with the not: decorator, nests groups and references named conditions', () => {
    renderBuilder();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Inverser (non)' }));
    expect(json()).toMatchObject({ all: [{ operator: 'not:greaterThan' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Groupe' }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Condition nommée' })[0]!);
    expect(json()).toEqual({
      all: [
        { fact: 'invoice', path: '$.total', operator: 'not:greaterThan', value: 1000 },
        { all: [{ fact: 'invoice', path: '$.total', operator: 'equal', value: '' }] },
        { condition: 'rena' },
      ],
    });
    fireEvent.click(screen.getAllByRole('button', { name: 'Inverser le groupe (NON)' })[1]!);
    expect((json() as { all: unknown[] }).all[1]).toEqual({
      not: { all: [{ fact: 'invoice', path: '$.total', operator: 'equal', value: '' }] },
    });
  });

  it('shows the problems given for its fields (live checks or the API) under them', () => {
    renderBuilder(new Map([['/rules/0/conditions/all/0/operator', ['"bogus" is not a known operator']]]));
    expect(screen.getByText('"bogus" is not a known operator')).toBeTruthy();
  });
});

describe('decision table grid', () => {
  const table: DecisionTable = {
    hitPolicy: 'first',
    inputs: [{ id: 'total', label: 'Total', fact: 'invoice', path: '$.total' }],
    rows: [
      { id: 'haut', cells: { total: { operator: 'greaterThanInclusive', value: 25000 } }, event: { type: 'director' } },
    ],
  };

  it('adds and removes rows, adds a column, reads cell values by the column’s type and decision parameters as JSON', () => {
    render(
      <Harness
        initial={table}
        render={(value, set) => <TableEditor definition={value} onChange={set} facts={facts} problems={new Map()} />}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une ligne' }));
    // The new row's cell takes any value, and says so (the empty choice had drawn a blank box).
    const operators = screen.getAllByRole('combobox', { name: 'Opérateur' });
    expect(operators[1]!.textContent).toBe('(toute valeur)');
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une colonne' }));
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Valeur' })[0]!, { target: { value: '30000' } });
    const after = json() as DecisionTable;
    expect(after.rows.map((r) => r.id)).toEqual(['haut', 'row-2']);
    expect(after.inputs.map((i) => i.id)).toEqual(['total', 'input-2']);
    expect(after.rows[0]!.cells['total']).toEqual({ operator: 'greaterThanInclusive', value: 30000 });
    const params = screen.getAllByRole('textbox', { name: 'Paramètres de la décision (JSON)' })[0]!;
    fireEvent.change(params, { target: { value: '{"level": "tender' } });
    expect(screen.getByText(/Un objet JSON est attendu/)).toBeTruthy();
    fireEvent.change(params, { target: { value: '{"level": "director"}' } });
    expect((json() as DecisionTable).rows[0]!.event).toEqual({ type: 'director', params: { level: 'director' } });
    // Each row's buttons say which row they act on.
    fireEvent.click(screen.getByRole('button', { name: /^Supprimer la ligne — ligne «\s?haut\s?»$/ }));
    expect((json() as DecisionTable).rows.map((r) => r.id)).toEqual(['row-2']);
  });
});

describe('a row’s decision', () => {
  it('offers the known decisions and the table’s own in words, keeps a new one typed, and says the code in words', () => {
    const routing: DecisionTable = {
      hitPolicy: 'first',
      inputs: [{ id: 'total', label: 'Total', fact: 'invoice', path: '$.total' }],
      rows: [
        { id: 'directeur', cells: {}, event: { type: 'route_to_board' } },
        { id: 'autre', cells: {}, event: { type: 'route_to_board' } },
      ],
    };
    render(
      <Harness
        initial={routing}
        render={(value, set) => <TableEditor definition={value} onChange={set} facts={facts} problems={new Map()} />}
      />,
    );
    const decision = screen.getAllByRole('combobox', { name: 'Décision' })[0]!;
    fireEvent.change(decision, { target: { value: 'admis' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Non admissible (ineligible)']);
    fireEvent.click(screen.getByRole('option'));
    expect((json() as DecisionTable).rows[0]!.event.type).toBe('ineligible');
    expect(screen.getByText('Non admissible')).toBeTruthy(); // the code in words, under the box
    fireEvent.change(decision, { target: { value: 'board' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['route_to_board']);
    fireEvent.change(decision, { target: { value: 'escalade' } });
    expect((json() as DecisionTable).rows[0]!.event.type).toBe('escalade');
  });
});

describe('moving a decision table row', () => {
  it('moves its parameters with it: each row shows its own after « Monter »', () => {
    const routing: DecisionTable = {
      hitPolicy: 'first',
      inputs: [{ id: 'total', label: 'Total', fact: 'invoice', path: '$.total' }],
      rows: [
        { id: 'directeur', cells: {}, event: { type: 'route', params: { level: 'director' } } },
        { id: 'ministre', cells: {}, event: { type: 'route', params: { level: 'minister' } } },
      ],
    };
    render(
      <Harness
        initial={routing}
        render={(value, set) => <TableEditor definition={value} onChange={set} facts={facts} problems={new Map()} />}
      />,
    );
    const shown = () =>
      screen
        .getAllByRole('textbox', { name: 'Paramètres de la décision (JSON)' })
        .map((box) => (box as HTMLInputElement).value);
    expect(shown()).toEqual(['{"level":"director"}', '{"level":"minister"}']);
    fireEvent.click(screen.getByRole('button', { name: /^Monter — ligne «\s?ministre\s?»$/ }));
    expect((json() as DecisionTable).rows.map((r) => r.id)).toEqual(['ministre', 'directeur']);
    expect(shown()).toEqual(['{"level":"minister"}', '{"level":"director"}']);
  });
});

describe('decision table hit policy', () => {
  const table: DecisionTable = {
    hitPolicy: 'first',
    inputs: [{ id: 'total', label: 'Total', fact: 'invoice', path: '$.total' }],
    rows: [{ id: 'haut', cells: {}, event: { type: 'director' } }],
  };
  const renderTable = (problems = new Map<string, string[]>()) =>
    render(
      <Harness
        initial={table}
        render={(value, set) => <TableEditor definition={value} onChange={set} facts={facts} problems={problems} />}
      />,
    );

  it('shows the hit policy, offers first, collect, unique and any, and writes the one chosen with what it means', () => {
    renderTable();
    const select = screen.getByRole('combobox', { name: 'Politique de résultat' });
    expect(select.textContent).toBe('Première ligne qui correspond');
    expect(screen.getByText(/la première qui correspond décide/)).toBeTruthy();
    fireEvent.mouseDown(select);
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Première ligne qui correspond',
      'Toutes les lignes qui correspondent',
      'Une seule ligne peut correspondre',
      'Plusieurs lignes, une même décision',
    ]);
    fireEvent.click(options[2]!);
    expect((json() as DecisionTable).hitPolicy).toBe('unique');
    expect(screen.getByText(/empêchent la soumission/)).toBeTruthy();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Politique de résultat' }));
    fireEvent.click(screen.getByRole('option', { name: 'Plusieurs lignes, une même décision' }));
    expect((json() as DecisionTable).hitPolicy).toBe('any');
    expect(screen.getByText(/donnent la même décision, rendue une seule fois/)).toBeTruthy();
  });

  it('shows a problem the API reports on the hit policy under the selector', () => {
    renderTable(new Map([['/hitPolicy', ['must be equal to one of the allowed values']]]));
    expect(screen.getByText('must be equal to one of the allowed values')).toBeTruthy();
  });
});

describe('decision tree outline', () => {
  const tree: { root: TreeNode } = {
    root: {
      id: 'statut',
      label: 'Statut',
      branches: [
        {
          label: 'non admissible',
          when: { all: [{ fact: 'invoice', path: '$.language', operator: 'equal', value: 'en' }] },
          node: { id: 'refus', outcome: { type: 'ineligible' } },
        },
      ],
      otherwise: { id: 'ok', outcome: { type: 'auto_approve' } },
    },
  };

  it('collapses a question to hide its branches, and adds a branch ending in a leaf', () => {
    render(
      <Harness
        initial={tree}
        render={(value, set) => <TreeEditor definition={value} onChange={set} facts={facts} problems={new Map()} />}
      />,
    );
    const outline = screen.getByRole('group', { name: 'Arbre de décision' });
    // Each node is named by its place and what it asks or decides, outcomes included: a group of the outline (a
    // condition inside it is a group of its own).
    expect([...outline.children].map((node) => node.getAttribute('aria-label'))).toEqual([
      'Racine — Question « Statut »',
      'Branche 1 — Résultat « ineligible »',
      'Sinon — Résultat « auto_approve »',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Replier « Statut »' }));
    expect(outline.children).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Déplier « Statut »' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une branche' }));
    const root = (json() as { root: TreeNode }).root;
    expect(root.branches).toHaveLength(2);
    expect(root.branches![1]!.node).toEqual({ id: 'node-4', outcome: { type: '' }, explanation: { fr: '', en: '' } });
    // The new branch has the focus: it may land screens below the button.
    expect(document.activeElement?.getAttribute('data-analysis-path')).toBe('/root/branches/1');
  });

  it('writes the English labels of questions and branches, and drops an emptied one', () => {
    render(
      <Harness
        initial={tree}
        render={(value, set) => <TreeEditor definition={value} onChange={set} facts={facts} problems={new Map()} />}
      />,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Question posée, en anglais' }), {
      target: { value: 'Status' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Libellé de la branche en anglais' }), {
      target: { value: 'not eligible' },
    });
    let root = (json() as { root: TreeNode }).root;
    expect(root).toMatchObject({ label: 'Statut', labelEn: 'Status' });
    expect(root.branches![0]).toMatchObject({ label: 'non admissible', labelEn: 'not eligible' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Question posée, en anglais' }), { target: { value: '' } });
    root = (json() as { root: TreeNode }).root;
    expect('labelEn' in root).toBe(false);
  });
});

describe('rules editor', () => {
  it('adds a named condition the rules can share, refusing a name the server would refuse', () => {
    const definition: RulesDefinition = {
      rules: [{ name: 'r', conditions: { all: [{ condition: 'eleve' }] }, event: { type: 'review' } }],
      conditions: { eleve: { all: [{ fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1 }] } },
    };
    render(
      <Harness
        initial={definition}
        render={(value, set) => <RulesEditor definition={value} onChange={set} facts={facts} problems={new Map()} />}
      />,
    );
    const name = screen.getByRole('textbox', { name: 'Nom de la nouvelle condition' });
    fireEvent.change(name, { target: { value: 'Langue Anglaise' } });
    expect(screen.getByText('Lettres minuscules, chiffres et tirets seulement.')).toBeTruthy();
    fireEvent.change(name, { target: { value: 'eleve' } });
    expect(screen.getByText('L’identifiant « eleve » est déjà utilisé.')).toBeTruthy();
    fireEvent.change(name, { target: { value: 'anglais-seulement' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une condition nommée' }));
    expect(Object.keys((json() as RulesDefinition).conditions!)).toEqual(['eleve', 'anglais-seulement']);
  });

  it('heads each rule with its decision in words, its own code where the console has none', () => {
    const definition: RulesDefinition = {
      rules: [
        { name: 'montant-eleve', conditions: { all: [] }, event: { type: 'manual_review' } },
        { name: 'propre', conditions: { all: [] }, event: { type: 'review' } },
      ],
    };
    render(
      <Harness
        initial={definition}
        render={(value, set) => <RulesEditor definition={value} onChange={set} facts={facts} problems={new Map()} />}
      />,
    );
    // The header said « manual_review »: a code in a console written for analysts.
    expect(screen.getByTitle('manual_review').textContent).toBe('Transmise à un membre du personnel pour examen');
    expect(screen.getByTitle('review').textContent).toBe('review');
  });
});
