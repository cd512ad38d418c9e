import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { serverDir, sourceFiles } from '../../../test/support/server-source.js';
import { PATTERN_FORMATS } from '../../../../admin-ui/src/common/pattern-formats.js';

/** The description of every schema with a `pattern`: what a `pattern` detail says is expected (ajv.ts). */
function describedPatterns(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(serverDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const property = (name: string) =>
          node.properties.find(
            (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name,
          );
        const pattern = property('pattern');
        const description = property('description')?.initializer;
        if (
          pattern &&
          !ts.isObjectLiteralExpression(pattern.initializer) &&
          description &&
          ts.isStringLiteral(description)
        )
          found.add(description.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

// The console words a `pattern` detail by its description: a new one would be shown in English.
describe('the formats the console words', () => {
  it('are every format the API’s schemas describe', () => {
    const described = describedPatterns();
    expect(described).toContain('snake_case such as auto_approve');
    expect(Object.keys(PATTERN_FORMATS).sort()).toEqual([...described].sort());
  });
});
