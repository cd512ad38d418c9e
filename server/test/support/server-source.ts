import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

// For specs that read the server's own source to check that the console knows every code, format or action it
// can send (the console keeps those lists to word them).

export const serverDir = new URL('../../src/', import.meta.url).pathname;

/** The server's TypeScript files below `dir`, specs left out. */
export function sourceFiles(dir = serverDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every string literal in a node, however deep (both branches of a conditional, say). */
export const literals = (node: ts.Node): string[] =>
  ts.isStringLiteral(node) ? [node.text] : node.getChildren().flatMap((child) => literals(child));
