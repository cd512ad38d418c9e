// Handlebars' own error texts, reworded for the analyst who typed the template.
//
// Its parser (jison) answers "Parse error on line 1:\n{{#if a}}x\n----------^\nExpecting 'OPEN_INVERSE_CHAIN',
// 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'": the first line alone says nothing, the rest names grammar tokens.
// Block mismatches read "if doesn't match each - 1:3". The detail carries the place and the tokens as words the
// console translates (`keyword: template`, `reason: syntax` or `mismatch`), and an English sentence.

/** The parser's tokens, by the word that names them in a message (the console has each in its languages). */
const TOKEN_WORDS: Record<string, string> = {
  EOF: 'end',
  CLOSE: 'close',
  CLOSE_UNESCAPED: 'close_unescaped',
  CLOSE_SEXPR: 'close_sub',
  OPEN_SEXPR: 'open_sub',
  OPEN: 'open',
  OPEN_BLOCK: 'open_block',
  OPEN_ENDBLOCK: 'close_block',
  OPEN_INVERSE: 'open_inverse',
  OPEN_INVERSE_CHAIN: 'else_chain',
  INVERSE: 'else',
  OPEN_PARTIAL: 'partial',
  ID: 'name',
  STRING: 'value',
  NUMBER: 'value',
  BOOLEAN: 'value',
  UNDEFINED: 'value',
  NULL: 'value',
  DATA: 'data',
  EQUALS: 'equals',
  SEP: 'separator',
  CONTENT: 'text',
  INVALID: 'invalid',
};

/** Tokens written as they appear in a template: the same in every language. */
export const TOKEN_SYMBOLS: Record<string, string> = {
  close: '}}',
  close_unescaped: '}}}',
  close_sub: ')',
  open_sub: '(',
  open: '{{',
  open_block: '{{#',
  close_block: '{{/…}}',
  open_inverse: '{{^',
  else_chain: '{{else …}}',
  else: '{{else}}',
  partial: '{{>',
  equals: '=',
};

/** Every word in English, for the API's message (the console words the same keys in French). */
export const TOKEN_ENGLISH: Record<string, string> = {
  ...TOKEN_SYMBOLS,
  end: 'the end of the template',
  name: 'a name',
  value: 'a value',
  data: 'an @ variable',
  separator: '. or /',
  text: 'text',
  invalid: 'a character that cannot appear there',
  other: 'something else',
};

const wordOf = (token: string) => TOKEN_WORDS[token] ?? 'other';

/** Where a template's syntax breaks, for the detail's params. */
export type TemplateSyntax =
  | { reason: 'syntax'; line: number; before: string; found: string; expected: string[] }
  | { reason: 'mismatch'; line: number; opened: string; closed: string }
  | { reason: 'syntax'; text: string };

/** A Handlebars parse or compile error as the place and what was found there. */
export function templateSyntax(err: unknown): TemplateSyntax {
  const text = err instanceof Error ? err.message : String(err);
  // The second line is up to 20 characters before the error and 20 after; the dashes reach the error.
  const parse = /^Parse error on line (\d+):\n([^\n]*)\n(-*)\^\nExpecting (.*), got '([^']*)'/.exec(text);
  if (parse) {
    const [, line, excerpt, dashes, expecting, got] = parse as unknown as string[];
    const expected = [...new Set([...expecting!.matchAll(/'([^']+)'/g)].map((m) => wordOf(m[1]!)))];
    return {
      reason: 'syntax',
      line: Number(line),
      before: excerpt!.slice(0, dashes!.length).replace(/^\.\.\./, '…'),
      found: wordOf(got!),
      // A long list (everything a tag may start with) helps less than the place and what was found there.
      expected: expected.length <= 4 ? expected : [],
    };
  }
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):/.exec(text);
  if (mismatch) {
    const [, opened, closed, line] = mismatch as unknown as string[];
    return { reason: 'mismatch', line: Number(line), opened: opened!, closed: closed! };
  }
  return { reason: 'syntax', text: text.split('\n')[0] ?? text };
}

/** The English sentence for a syntax problem, after "is not a valid template: ". */
export function templateSyntaxMessage(syntax: TemplateSyntax): string {
  if ('text' in syntax) return syntax.text;
  if (syntax.reason === 'mismatch')
    return `line ${syntax.line}: {{#${syntax.opened}}} is closed by {{/${syntax.closed}}}`;
  const where = syntax.before ? `line ${syntax.line}, after "${syntax.before}"` : `line ${syntax.line}, at the start`;
  const wanted =
    syntax.expected.length > 0 ? `; expected ${syntax.expected.map((w) => TOKEN_ENGLISH[w]).join(' or ')}` : '';
  return `${where}: found ${TOKEN_ENGLISH[syntax.found]}${wanted}`;
}

/** A syntax error as an API detail on `path`: the English message, and what the console words. */
export function templateSyntaxDetail(path: string, err: unknown) {
  const syntax = templateSyntax(err);
  return {
    path,
    message: `is not a valid template: ${templateSyntaxMessage(syntax)}`,
    keyword: 'template',
    params: { ...syntax },
  };
}
