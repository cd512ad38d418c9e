import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { serverDir, sourceFiles, literals } from '../../../test/support/server-source.js';
import { KNOWN_ACTIONS, LOGIN_FAILURE_REASONS } from '../../../../admin-ui/src/audit/audit-actions.js';

/** The second argument of every `this.event(key, 'action', …)` call in a source file: the actions it builds. */
const eventNames = (source: ts.SourceFile): string[] => {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText() === 'this.event' && node.arguments[1])
      found.push(...literals(node.arguments[1]));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

/**
 * Every action the server writes to the audit trail, read from its source: `action: 'user.disabled'` (or a choice
 * of such literals), and the two builders of `${type}.${action}` — the governed lifecycle (for each governed
 * resource type) and the reference tables (their event names and the change actions they record). Any other
 * computed action is listed in `unread`, so the spec asks for it to be followed.
 */
function serverAuditActions(): { actions: Set<string>; unread: string[] } {
  const actions = new Set<string>();
  const unread: string[] = [];
  const sources = new Map(
    sourceFiles(serverDir).map((file) => [
      file.slice(serverDir.length),
      ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
    ]),
  );
  const governedTypes: string[] = [];
  for (const [file, source] of sources) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && node.name.getText() === 'action') {
        const written = literals(node.initializer);
        if (written.length > 0 && written.every((a) => a.includes('.'))) written.forEach((a) => actions.add(a));
        else if (ts.isTemplateExpression(node.initializer)) {
          if (!['modules/governance/lifecycle.ts', 'modules/reference-data/reference-tables.service.ts'].includes(file))
            unread.push(`${file}: ${node.initializer.getText()}`);
        }
      }
      // A governed service names its type: `resourceType: 'prompt'` in the kind it gives GovernedResourceService.
      if (ts.isPropertyAssignment(node) && node.name.getText() === 'resourceType' && file.endsWith('.service.ts'))
        literals(node.initializer).forEach((type) => {
          if (['ruleset', 'prompt', 'experiment'].includes(type)) governedTypes.push(type);
        });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  for (const name of eventNames(sources.get('modules/governance/lifecycle.ts')!))
    for (const type of new Set(governedTypes)) actions.add(`${type}.${name}`);
  const tables = sources.get('modules/reference-data/reference-tables.service.ts')!;
  const tableActions = [...eventNames(tables), ...readLiteralUnion('modules/reference-data/reference-table.ts')];
  for (const name of tableActions) actions.add(`reference_table.${name}`);
  return { actions, unread };
}

/** The literals of the `action:` union a file declares (reference-table.ts: the changes a table records). */
function readLiteralUnion(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(serverDir, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertySignature(node) && node.name.getText() === 'action' && node.type)
      found.push(...literals(node.type));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the audit actions the console words', () => {
  const { actions, unread } = serverAuditActions();

  it('reads every action the server writes to the audit trail from its source', () => {
    expect(unread).toEqual([]);
    for (const action of ['user.disabled', 'auth.logout', 'experiment.auto_stopped', 'prompt.published'])
      expect(actions).toContain(action);
    expect(actions).toContain('reference_table.csv_merged');
  });

  it('lists each of them in the console (its filter and its wording), and no action the server never writes', () => {
    expect([...KNOWN_ACTIONS].sort()).toEqual([...actions].sort());
  });

  it('words each reason a sign-in failure is recorded with', () => {
    const file = join(serverDir, 'modules/auth/auth.service.ts');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const recorded: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText() === 'this.auditFailure' && node.arguments[1])
        recorded.push(...literals(node.arguments[1]));
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(recorded.length).toBeGreaterThanOrEqual(3);
    expect([...LOGIN_FAILURE_REASONS].sort()).toEqual([...new Set(recorded)].sort());
  });
});
