// How deeply a template nests, read from its text before Handlebars parses it (docs/adr/0033).
//
// Handlebars' parser copies its whole stack at each reduction, so its time grows with the square of the nesting:
// 1 000 nested #if took a second to parse and 2 000 blew the call stack when compiled. This reading is linear, so a
// template nested too deeply is refused before any of that work.

/** Deepest nesting a template may have: blocks, `{{else …}}` links and subexpressions, one level each. */
export const MAX_TEMPLATE_NESTING = 16;

/**
 * The deepest nesting of a template: a block (`{{#…}}`, `{{^…}}`) opens a level until its `{{/…}}`; an
 * `{{else if …}}` opens one more inside the previous branch (Handlebars nests it there) until the same `{{/…}}`;
 * a subexpression `( … )` is one level inside its tag. Comments, escaped `\{{` and text inside string literals and
 * `[…]` segments are not read as tags. Unbalanced text is left to the parser to report.
 */
export function templateNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  const links: number[] = []; // per open block, the `{{else …}}` levels opened inside it
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{', at);
    if (open < 0) return deepest;
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
      if (!end) return deepest;
      at = end.index + end[0].length;
      continue;
    }
    const kind = tagKind(text, i);
    // The tag's own subexpressions are read at the depth outside the block it may open.
    let sub = 0;
    let j = i;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '"' || c === "'") j = closing(text, j, c);
      else if (c === '[') j = closing(text, j, ']');
      else if (c === '(') deepest = Math.max(deepest, depth + ++sub);
      else if (c === ')') sub = Math.max(0, sub - 1);
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
