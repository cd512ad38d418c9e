// Handlebars' own error texts, reworded for the analyst who typed the template.
//
// Its parser (jison) answers "Parse error on line 1:\n{{#if a}}x\n----------^\nExpecting 'OPEN_INVERSE_CHAIN',
// 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'": the first line alone says nothing, the rest names grammar tokens.
// Block mismatches read "if doesn't match each - 1:3".

/** How the parser's tokens read in a message. */
const TOKENS: Record<string, string> = {
  EOF: 'the end of the template',
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  CLOSE_SEXPR: ')',
  OPEN_SEXPR: '(',
  OPEN: '{{',
  OPEN_BLOCK: '{{#',
  OPEN_ENDBLOCK: '{{/…}}',
  OPEN_INVERSE: '{{^',
  OPEN_INVERSE_CHAIN: '{{else …}}',
  INVERSE: '{{else}}',
  OPEN_PARTIAL: '{{>',
  ID: 'a name',
  STRING: 'a value',
  NUMBER: 'a value',
  BOOLEAN: 'a value',
  UNDEFINED: 'a value',
  NULL: 'a value',
  DATA: 'an @ variable',
  EQUALS: '=',
  SEP: '. or /',
  CONTENT: 'text',
  INVALID: 'a character that cannot appear there',
};
const word = (token: string) => TOKENS[token] ?? token;

/** A Handlebars parse or compile error as one line naming where and what; anything else as its first line. */
export function templateErrorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  // The second line is up to 20 characters before the error and 20 after; the dashes reach the error.
  const parse = /^Parse error on line (\d+):\n([^\n]*)\n(-*)\^\nExpecting (.*), got '([^']*)'/.exec(text);
  if (parse) {
    const [, line, excerpt, dashes, expecting, got] = parse as unknown as string[];
    const before = excerpt!.slice(0, dashes!.length).replace(/^\.\.\./, '…');
    const expected = [...new Set([...expecting!.matchAll(/'([^']+)'/g)].map((m) => word(m[1]!)))];
    // A long list (everything a tag may start with) helps less than the place and what was found there.
    const wanted = expected.length <= 4 ? `; expected ${expected.join(' or ')}` : '';
    const where = before ? `line ${line}, after "${before}"` : `line ${line}, at the start`;
    return `${where}: found ${word(got!)}${wanted}`;
  }
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):/.exec(text);
  if (mismatch) {
    const [, opened, closed, line] = mismatch as unknown as string[];
    return `line ${line}: {{#${opened}}} is closed by {{/${closed}}}`;
  }
  return text.split('\n')[0] ?? text;
}
