import type { Condition } from './condition-model';
import type { Pointer } from './json-pointer';

/** A decision tree as the server stores it: each node asks branches in order, then `otherwise`; leaves have an outcome. */
export interface TreeNode {
  id: string;
  /** Shown in French explanations' path; `labelEn` in English ones (the French label when absent). */
  label?: string;
  labelEn?: string;
  branches?: { label?: string; labelEn?: string; when: Condition; node: TreeNode }[];
  otherwise?: TreeNode;
  outcome?: { type: string; params?: Record<string, unknown> };
  explanation?: { fr?: string; en?: string };
}

/** One line of the indented tree view. */
export interface TreeLine {
  /** Where the node is, from the definition root: ['root', 'branches', 0, 'node']… */
  path: Pointer;
  depth: number;
  node: TreeNode;
  /** How the parent reaches this node: a branch (with its index) or the `otherwise` fallback; absent for the root. */
  via?: { kind: 'branch'; index: number; label?: string } | { kind: 'otherwise' };
  isLeaf: boolean;
}

export const isLeaf = (node: TreeNode): boolean =>
  node.outcome !== undefined && !node.branches?.length && !node.otherwise;

/** The tree as indented lines, skipping what lies under collapsed nodes (by id), in the order the engine asks. */
export function treeLines(root: TreeNode, collapsed: ReadonlySet<string> = new Set()): TreeLine[] {
  const lines: TreeLine[] = [];
  const visit = (node: TreeNode, path: Pointer, depth: number, via?: TreeLine['via']) => {
    lines.push({ path, depth, node, ...(via ? { via } : {}), isLeaf: isLeaf(node) });
    if (collapsed.has(node.id)) return;
    node.branches?.forEach((branch, index) =>
      visit(branch.node, [...path, 'branches', index, 'node'], depth + 1, {
        kind: 'branch',
        index,
        ...(branch.label ? { label: branch.label } : {}),
      }),
    );
    if (node.otherwise) visit(node.otherwise, [...path, 'otherwise'], depth + 1, { kind: 'otherwise' });
  };
  visit(root, ['root'], 0);
  return lines;
}

/** Every node id in the tree (ids must stay unique: the explanation names the path by them). */
export function nodeIds(root: TreeNode): string[] {
  return treeLines(root).map((line) => line.node.id);
}

/** The ids that appear more than once. */
export function duplicateIds(root: TreeNode): string[] {
  const ids = nodeIds(root);
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** A new branch ending in a leaf, so the tree stays evaluable after every edit. */
export function newBranch(taken: string[], condition: Condition): { label: string; when: Condition; node: TreeNode } {
  let n = taken.length + 1;
  while (taken.includes(`node-${n}`)) n += 1;
  return {
    label: '',
    when: condition,
    node: { id: `node-${n}`, outcome: { type: '' }, explanation: { fr: '', en: '' } },
  };
}

/**
 * Each node's label in the console's language, by id (English falls back on the French label, as explanations
 * do): a tree's rule names are paths of ids, which mean little to a reader when the console gave them
 * (`node-19`). Nodes without a label are left out; a definition that is not a tree gives an empty map.
 */
export function nodeLabels(definition: unknown, locale: string): Map<string, string> {
  const labels = new Map<string, string>();
  const root = (definition as { root?: TreeNode } | undefined)?.root;
  if (!root || typeof root !== 'object') return labels;
  for (const { node } of treeLines(root)) {
    const label = (locale === 'en' ? node.labelEn?.trim() : undefined) || node.label?.trim();
    if (label) labels.set(node.id, label);
  }
  return labels;
}
