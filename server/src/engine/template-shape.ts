// How deeply a template nests and how many tags it has, read from its text before Handlebars parses it
// (docs/adr/0033).
//
// Handlebars' parser copies its whole stack at each reduction, so its time grows with the square of the nesting:
// 1 000 nested #if took a second to parse and 2 000 blew the call stack when compiled. Its lexer and compiler are
// linear but slow: about 0.1 ms per tag here to analyse and compile, so a dense 32 KB template (6 500 tags) held
// the event loop more than a second on its first render. This reading is linear and cheap, so a template nested
// too deeply or too dense is refused before any of that work.

/** Deepest nesting a template may have: blocks, `{{else …}}` links and subexpressions, one level each. */
export const MAX_TEMPLATE_NESTING = 16;

/**
 * Most tags a template may have, each `{{…}}` and each subexpression `( … )` counting one. The pilots' largest has
 * 23; 200 dense tags analyse and compile in 20–60 ms on the 2-core machine the service was measured on.
 */
export const MAX_TEMPLATE_TAGS = 200;

export interface TemplateShape {
  /** The deepest nesting (see MAX_TEMPLATE_NESTING). */
  nesting: number;
  /** Tags and subexpressions (see MAX_TEMPLATE_TAGS). */
  tags: number;
}

/**
 * The shape of a template: its deepest nesting, where a block (`{{#…}}`, `{{^…}}`) opens a level until its
 * `{{/…}}`, an `{{else if …}}` opens one more inside the previous branch (Handlebars nests it there) until the same
 * `{{/…}}`, and a subexpression `( … )` is one level inside its tag; and its number of tags and subexpressions.
 * Comments, escaped `\{{` and text inside string literals and `[…]` segments are not read as tags. Unbalanced text
 * is left to the parser to report.
 */
export function templateShape(text: string): TemplateShape {
  let depth = 0;
  let deepest = 0;
  let tags = 0;
  const links: number[] = []; // per open block, the `{{else …}}` levels opened inside it
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{', at);
    if (open < 0) return { nesting: deepest, tags };
    if (text[open - 1] === '\\' && text[open - 2] !== '\\') {
      at = open + 2; // an escaped mustache is text
      continue;
    }
    let i = open + 2;
    while (text[i] === '{') i++;
    if (text[i] === '~') i++;
    if (text[i] === '!') {
      const comment = text.startsWith('!--', i) ? /--~?\}\}/g : /\}\}/g;
      comment.lastIndex = i;
      const end = comment.exec(text);
      if (!end) return { nesting: deepest, tags };
      at = end.index + end[0].length;
      continue;
    }
    const kind = tagKind(text, i);
    tags++;
    // The tag's own subexpressions are read at the depth outside the block it may open.
    let sub = 0;
    let j = i;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '"' || c === "'") j = closing(text, j, c);
      else if (c === '[') j = closing(text, j, ']');
      else if (c === '(') {
        tags++;
        deepest = Math.max(deepest, depth + ++sub);
      } else if (c === ')') sub = Math.max(0, sub - 1);
      else if (c === '}' && text[j + 1] === '}') break;
    }
    if (kind === 'open') {
      links.push(0);
      deepest = Math.max(deepest, ++depth);
    } else if (kind === 'link' && links.length > 0) {
      links[links.length - 1]!++;
      deepest = Math.max(deepest, ++depth);
    } else if (kind === 'close') {
      depth = Math.max(0, depth - 1 - (links.pop() ?? 0));
    }
    at = j + 2;
  }
}

function tagKind(text: string, i: number): 'open' | 'link' | 'close' | 'other' {
  const c = text[i];
  if (c === '#') return 'open';
  if (c === '/') return 'close';
  if (c === '^') return /^\^\s*~?\}\}/.test(text.slice(i, i + 64)) ? 'other' : 'open'; // `{{^}}` is a bare else
  const elseTag = /^\s*else(?=[\s~}])\s*(~?\}\})?/.exec(text.slice(i, i + 64));
  if (elseTag) return elseTag[1] ? 'other' : 'link';
  return 'other';
}

/** Index of the character closing a string literal or `[…]` segment opened at `from` (the end when unclosed). */
function closing(text: string, from: number, close: string): number {
  for (let k = from + 1; k < text.length; k++) {
    if (text[k] === '\\') k++;
    else if (text[k] === close) return k;
  }
  return text.length;
}
