import { SaxesParser } from 'saxes';
import { timeSlices } from '../../../common/async/time-slices.js';
import { ValidationError } from '../../../common/errors/domain-errors.js';
import { toWellFormed } from '../../../common/text/well-formed.js';

/** The namespace our export writes; DMN 1.1 to 1.5 model namespaces are read (their decision tables agree). */
export const DMN13_NAMESPACE = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
const DMN_NAMESPACE = /^https?:\/\/www\.omg\.org\/spec\/DMN\/(\d{8}\/MODEL\/?|20151101\/dmn\.xsd)$/;
/** Gabarit's own attributes and elements, which other tools ignore: what DMN cannot say (ids, hints, content). */
export const GABARIT_NAMESPACE = 'urn:gabarit:dmn:1';

/** One element: its local name, attributes (local names; ours as `gabarit:name`), children and text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}
/** The text of a `<text>` child (FEEL and annotations keep their exact characters). */
export function textOf(element: XmlElement | undefined): string | undefined {
  const text = child(element, 'text');
  return text ? text.text : undefined;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Deepest element nesting read; DMN decision tables nest about 6 levels. */
const MAX_DEPTH = 100;
/** Most attributes on one element; DMN elements have a handful. */
const MAX_ATTRIBUTES = 100;
/** Characters handed to the parser at once; the event loop is given back between them once 10 ms have run. */
const CHUNK = 16 * 1024;

const syntaxError = (line: number, column: number, message: string) =>
  new ValidationError(
    'The body is not well-formed XML.',
    [
      {
        path: '/',
        message: `line ${line}, column ${column}: ${message}`,
        // A client words the place itself, and the kinds of mistake it knows (the parser's reason is English only):
        // the console had said « la syntaxe n'est pas respectée » where the parser said which tag was not closed.
        keyword: 'syntax',
        params: { line, column, ...xmlReason(message) },
      },
    ],
    'invalid_xml',
  );

/** The kinds of XML mistake worded for a reader, from the parser's English (saxes), with the tag they name. */
function xmlReason(message: string): { reason?: string; tag?: string } {
  const unclosed = /^unclosed tag: (.+)$/.exec(message);
  if (unclosed) return { reason: 'unclosed_tag', tag: unclosed[1]! };
  const unmatched = /^unmatched closing tag: (.+)\.$/.exec(message);
  if (unmatched) return { reason: 'unmatched_tag', tag: unmatched[1]! };
  if (message === 'document must contain a root element.') return { reason: 'no_root' };
  if (message === 'unexpected end.') return { reason: 'unexpected_end' };
  if (message.startsWith('duplicate attribute')) return { reason: 'duplicate_attribute' };
  if (message === 'unquoted attribute value.' || message === 'value must be quoted.')
    return { reason: 'unquoted_attribute' };
  return {};
}

/**
 * Parses a DMN document safely: a DOCTYPE or ENTITY declaration is refused outright (no entity is ever
 * expanded, external or internal), malformed XML is refused naming its line and column, and the root must be
 * DMN `definitions`. The text is read by a streaming parser (saxes) a slice at a time, giving the event loop
 * back every 10 ms: a megabyte of XML parsed in one piece held it about half a second. The body size limit is
 * the app's (Fastify's bodyLimit, before this runs).
 */
export async function parseDmnXml(xml: string): Promise<XmlElement> {
  const text = xml.replace(/\r\n?/g, '\n');
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (declaration)
    throw new ValidationError(
      'DMN files with a DOCTYPE or ENTITY declaration are refused.',
      [
        {
          path: '/',
          message: `line ${lineOf(text, declaration.index)}: <!${declaration[1]} is not accepted`,
          keyword: 'syntax',
          params: {
            line: lineOf(text, declaration.index),
            column: declaration.index - text.lastIndexOf('\n', declaration.index - 1),
            reason: 'declaration',
          },
        },
      ],
      'xml_doctype_refused',
    );
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  let rootNamespaces: string[] = [];
  let attributes = 0;
  // Thrown from a handler, it leaves the parser's write at once: the rest of the slice is not read.
  const fail = (message: string): never => {
    throw syntaxError(parser.line, parser.column, message);
  };
  parser.on('error', (err) => {
    const reason = err.message.replace(/^\d+:\d+: /, '');
    fail(
      reason.startsWith('undefined entity')
        ? 'an entity XML does not define; only &amp; &lt; &gt; &quot; &apos; and character references are read'
        : reason,
    );
  });
  parser.on('opentagstart', () => (attributes = 0));
  // Attributes are resolved when their tag closes, all at once: 60 000 on one element held the loop 90 ms.
  parser.on('attribute', () => {
    if (++attributes > MAX_ATTRIBUTES) fail(`an element has more than ${MAX_ATTRIBUTES} attributes`);
  });
  parser.on('opentag', (tag) => {
    // Each level keeps its namespace bindings on the one above: deep nesting costs the square of its depth.
    if (open.length >= MAX_DEPTH) fail(`elements nest more than ${MAX_DEPTH} levels deep`);
    const element: XmlElement = { name: qualified(tag.uri, tag.local), attrs: {}, children: [], text: '' };
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      element.attrs[qualified(attr.uri, attr.local)] = attr.value;
    }
    const parent = open[open.length - 1];
    if (parent) parent.children.push(element);
    else if (!root) {
      root = element;
      rootNamespaces = Object.values(tag.ns ?? {});
    }
    open.push(element);
  });
  parser.on('closetag', () => open.pop());
  const addText = (t: string) => {
    const current = open[open.length - 1];
    if (current) current.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  const slice = timeSlices();
  for (let at = 0; at < text.length; at += CHUNK) {
    parser.write(text.slice(at, at + CHUNK));
    await slice();
  }
  parser.close();
  if (!root || root.name !== 'definitions')
    throw new ValidationError(
      'The body is not a DMN document.',
      [
        {
          path: '/',
          message: `the root element is ${root ? `<${root.name}>` : 'missing'}, not DMN <definitions>`,
          keyword: 'syntax',
          params: { reason: 'not_definitions', root: root?.name ?? '' },
        },
      ],
      'not_dmn',
    );
  if (!rootNamespaces.some((ns) => DMN_NAMESPACE.test(ns)))
    throw new ValidationError(
      'The body is not a DMN document.',
      [{ path: '/definitions', message: `declares no DMN model namespace (DMN 1.3: ${DMN13_NAMESPACE})` }],
      'not_dmn',
    );
  return root;
}

/** A name as the import reads it: its local name, ours (Gabarit's namespace) as `gabarit:name`. */
const qualified = (uri: string | undefined, local: string | undefined) =>
  uri === GABARIT_NAMESPACE ? `gabarit:${local ?? ''}` : (local ?? '');

/**
 * Characters XML 1.0 cannot carry, not even as a reference: C0 controls but tab and line ends, U+FFFE and U+FFFF
 * (lone surrogates neither: see xmlCharacters). A label pasted from a spreadsheet with one made an export that no tool, ours included, imports
 * (an API review). In names and texts they become U+FFFD, the sign of a character lost; FEEL strings and JSON keep
 * them as escapes.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The text with what XML cannot carry (NOT_IN_XML, lone surrogates) as U+FFFD. */
const xmlCharacters = (text: string) => toWellFormed(text).replace(NOT_IN_XML, '\uFFFD');

/** Escapes text for element content and attribute values (newlines and tabs kept through attributes). */
export function escapeXml(text: string): string {
  return xmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Element content keeps its newlines as they are (only `\r` needs a reference to survive). */
export function escapeText(text: string): string {
  return xmlCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}
