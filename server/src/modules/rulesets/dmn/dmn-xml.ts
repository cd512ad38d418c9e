import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ValidationError } from '../../../common/errors/domain-errors.js';

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

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five entities and character references; any other entity is refused (no DOCTYPE can define one). */
function decode(text: string): string {
  return text.replace(/&([^;&\s]{1,32});/g, (whole, name: string) => {
    if (ENTITIES[name]) return ENTITIES[name];
    const code = /^#x([0-9a-fA-F]{1,6})$/.exec(name)?.[1] ?? /^#([0-9]{1,7})$/.exec(name)?.[1];
    if (code !== undefined) {
      const point = parseInt(code, name.startsWith('#x') ? 16 : 10);
      if (point <= 0x10ffff) return String.fromCodePoint(point);
    }
    throw new ValidationError(
      'The DMN file uses an entity XML does not define.',
      [{ path: '/', message: `${whole} is not one of &amp; &lt; &gt; &quot; &apos; or a character reference` }],
      'invalid_xml',
    );
  });
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Parses a DMN document safely: a DOCTYPE or ENTITY declaration is refused outright (no entity is ever
 * expanded, external or internal), malformed XML is refused naming its line and column, and the root must be
 * DMN `definitions`. The body size limit is the app's (Fastify's bodyLimit, before this runs).
 */
export function parseDmnXml(xml: string): XmlElement {
  const text = xml.replace(/\r\n?/g, '\n');
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (declaration)
    throw new ValidationError(
      'DMN files with a DOCTYPE or ENTITY declaration are refused.',
      [{ path: '/', message: `line ${lineOf(text, declaration.index)}: <!${declaration[1]} is not accepted` }],
      'xml_doctype_refused',
    );
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new ValidationError(
      'The body is not well-formed XML.',
      [
        {
          path: '/',
          message: `line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
          // A client words the place itself; the parser's own reason is English only.
          keyword: 'syntax',
          params: { line: valid.err.line, column: valid.err.col },
        },
      ],
      'invalid_xml',
    );
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: false,
  });
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (err) {
    // The validator passed it, but the parser has its own bounds (nesting depth).
    throw new ValidationError(
      'The body is not XML the service reads.',
      [{ path: '/', message: (err as Error).message }],
      'invalid_xml',
    );
  }
  const roots = nodes.map((n) => toElement(n, {})).filter((e): e is XmlElement => e !== undefined);
  const root = roots[0];
  if (!root || root.name !== 'definitions')
    throw new ValidationError(
      'The body is not a DMN document.',
      [{ path: '/', message: `the root element is ${root ? `<${root.name}>` : 'missing'}, not DMN <definitions>` }],
      'not_dmn',
    );
  if (!Object.values(namespacesOf(root)).some((ns) => DMN_NAMESPACE.test(ns)))
    throw new ValidationError(
      'The body is not a DMN document.',
      [{ path: '/definitions', message: `declares no DMN model namespace (DMN 1.3: ${DMN13_NAMESPACE})` }],
      'not_dmn',
    );
  return root;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const namespaceDeclarations = new WeakMap<XmlElement, Record<string, string>>();
const namespacesOf = (element: XmlElement) => namespaceDeclarations.get(element) ?? {};

/** One parsed node as an element; `scope` maps prefixes to namespaces, to know our attributes by namespace. */
function toElement(node: OrderedNode, scope: Record<string, string>): XmlElement | undefined {
  const tag = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
  if (!tag || tag.startsWith('?')) return undefined;
  const raw = node[':@'] ?? {};
  const declared: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw))
    if (name === 'xmlns' || name.startsWith('xmlns:')) declared[name] = decode(value);
  const here = { ...scope, ...Object.fromEntries(Object.entries(declared).map(([k, v]) => [k.slice(6) || '', v])) };
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : undefined;
    const key =
      prefix !== undefined && here[prefix] === GABARIT_NAMESPACE ? `gabarit:${localName(name)}` : localName(name);
    attrs[key] = decode(value.replace(/[\t\n]/g, ' '));
  }
  const element: XmlElement = { name: localName(tag), attrs, children: [], text: '' };
  const prefix = tag.includes(':') ? tag.slice(0, tag.indexOf(':')) : undefined;
  if (prefix !== undefined && here[prefix] === GABARIT_NAMESPACE) element.name = `gabarit:${element.name}`;
  for (const item of node[tag] as OrderedNode[]) {
    if ('#text' in item) element.text += decode(String(item['#text']));
    else {
      const c = toElement(item, here);
      if (c) element.children.push(c);
    }
  }
  namespaceDeclarations.set(element, declared);
  return element;
}

/** Escapes text for element content and attribute values (newlines and tabs kept through attributes). */
export function escapeXml(text: string): string {
  return text
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
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}
