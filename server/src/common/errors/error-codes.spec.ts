import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { serverDir, sourceFiles, literals } from '../../../test/support/server-source.js';
import { TRANSLATED_ERRORS } from '../../../../admin-ui/src/common/error-codes.js';

/** Where each domain error takes its code (0-based argument); without it, the class's default applies. */
const CODE_ARGUMENT: Record<string, number> = {
  ValidationError: 2,
  UnauthenticatedError: 1,
  ForbiddenError: 1,
  ConflictError: 1,
  TooManyRequestsError: 2,
  DependencyUnavailableError: 1,
  DependencyRefusedError: 1,
  TooLargeError: 2,
};

/** `{error, message, details}`: an error body, not a schema or a record with an `error` field of its own. */
const isErrorBody = (node: ts.PropertyAssignment) =>
  !ts.isObjectLiteralExpression(node.initializer) &&
  ts.isObjectLiteralExpression(node.parent) &&
  ['message', 'details'].every((name) => node.parent.properties.some((p) => p.name?.getText() === name));

/**
 * Every `error` code the API can answer, read from its source: the code a domain error is thrown with (or its
 * class's default), `error:` in a body written by hand, and the codes HTTP statuses map to. A code passed in a
 * form this reading cannot follow (a variable) is listed in `unread`, so the spec asks for it to be followed.
 */
function serverErrorCodes(): { codes: Set<string>; unread: string[] } {
  const codes = new Set<string>();
  const unread: string[] = [];
  for (const file of sourceFiles(serverDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && Object.hasOwn(CODE_ARGUMENT, node.expression.getText())) {
        const code = node.arguments?.[CODE_ARGUMENT[node.expression.getText()]!];
        if (code && ts.isStringLiteral(code)) codes.add(code.text);
        else if (code) unread.push(`${file}:${source.getLineAndCharacterOfPosition(code.pos).line + 1}`);
      }
      // A class's default (`code = 'too_large'`) or fixed code (`readonly code = 'not_found'`).
      if (
        (ts.isParameter(node) || ts.isPropertyDeclaration(node)) &&
        node.name.getText() === 'code' &&
        node.initializer
      )
        literals(node.initializer).forEach((code) => codes.add(code));
      // A body written by hand, or mapped from a status: `error: 'method_not_allowed'`, `codeByStatus[s] ?? 'x'`.
      if (ts.isPropertyAssignment(node) && node.name.getText() === 'error' && isErrorBody(node))
        literals(node.initializer).forEach((code) => codes.add(code));
      if (ts.isVariableDeclaration(node) && node.name.getText() === 'codeByStatus' && node.initializer)
        literals(node.initializer).forEach((code) => codes.add(code));
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { codes, unread };
}

describe('the error codes the console words', () => {
  const { codes, unread } = serverErrorCodes();

  it('reads every code the API can answer from its source', () => {
    expect(unread).toEqual([]);
    // One of each way a code is written, so a reading that finds nothing fails here rather than passing below.
    for (const code of ['operator_failed', 'not_found', 'too_large', 'invalid_json', 'method_not_allowed', 'conflict'])
      expect(codes).toContain(code);
  });

  it('words each of them in French and English, and no code the API never answers', () => {
    expect([...TRANSLATED_ERRORS].sort()).toEqual([...codes].sort());
  });
});
