import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { PATTERN_FORMATS } from '../../../../admin-ui/src/common/pattern-formats.js';

const serverDir = new URL('../..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

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
