import type { FactOption } from './editor/fact-paths';
import type { ProblemMap } from './editor/problems';
import { RulesEditor, type RulesDefinition } from './editor/RulesEditor';
import { TableEditor } from './editor/TableEditor';
import type { DecisionTable } from './editor/table-model';
import { TreeEditor } from './editor/TreeEditor';
import type { TreeNode } from './editor/tree-model';

interface Props {
  format: string;
  definition: Record<string, unknown>;
  onChange: (definition: Record<string, unknown>) => void;
  facts: FactOption[];
  problems: ProblemMap;
}

/** The visual editor for the rule set's format; the JSON editor beside it edits the same definition. */
export const DefinitionEditor = ({ format, definition, onChange, facts, problems }: Props) => {
  const change = (next: object) => onChange(next as Record<string, unknown>);
  if (format === 'decisionTable')
    return (
      <TableEditor
        definition={definition as unknown as DecisionTable}
        onChange={change}
        facts={facts}
        problems={problems}
      />
    );
  if (format === 'decisionTree')
    return (
      <TreeEditor
        definition={definition as unknown as { root: TreeNode }}
        onChange={change}
        facts={facts}
        problems={problems}
      />
    );
  return (
    <RulesEditor
      definition={{ rules: [], ...definition } as unknown as RulesDefinition}
      onChange={change}
      facts={facts}
      problems={problems}
    />
  );
};
