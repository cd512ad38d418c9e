import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..');
// Attributes people read; their literal values must come from i18n (keys look like gabarit.x.y or resources.x).
const READ_ATTRIBUTES = new Set(['label', 'title', 'placeholder', 'helperText', 'aria-label', 'alt', 'emptyText']);
const WORDS = /\p{L}{2,}/u;
const I18N_KEY = /^(gabarit|resources|ra)\.[\w.-]+$/;
// The product's name is the same in every language.
const BRAND = 'Gabarit';

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : tsxFiles(path);
    return path.endsWith('.tsx') && !path.endsWith('.spec.tsx') ? [path] : [];
  });
}

/** Text a user would read, written in a component rather than taken from i18n/. */
function hardCodedText(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${where(node)} ${node.text.trim()}`);
    if (
      ts.isJsxAttribute(node) &&
      READ_ATTRIBUTES.has(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer)
    ) {
      const value = node.initializer.text;
      if (WORDS.test(value) && !I18N_KEY.test(value) && value !== BRAND)
        found.push(`${where(node)} ${node.name.getText()}="${value}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('console text', () => {
  it('comes from i18n/ only: no words written in a component', () => {
    const files = tsxFiles(SRC);
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap(hardCodedText)).toEqual([]);
  });
});
