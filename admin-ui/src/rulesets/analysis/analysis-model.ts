import { fieldWords } from '../diff-wording';
import { createContext, useContext } from 'react';
import type { components } from '../../api/schema.gen';
import { useResourceRead } from '../../common/use-resource-read';
import type { UseSubmitBlock } from '../../common/lifecycle/version-actions';
import { getAt } from '../editor/json-pointer';

// What GET …/versions/{n}/analysis answers (docs/adr/0025-static-analysis.md), as the API document types it.
export type Analysis = components['schemas']['RulesetAnalysis'];
/** A finding; `message` is the server's English, whose quoted names the console's own wording of the kind repeats. */
export type Finding = Analysis['findings'][number];
/** A question the analysis could not decide: "not checked", never "ok". */
export type NotChecked = Analysis['notChecked'][number];
/** A text the server wrote for people, in both languages. */
export type Words = Finding['text'];

/** The text in the console's language (French unless English is chosen). */
export const inLocale = (text: Words, locale: string): string => (locale === 'en' ? text.en : text.fr);

/** The text as a sentence of its own: the server writes it lowercase, to be quoted within others too. */
export const asSentence = (text: Words, locale: string): string => {
  const words = inLocale(text, locale);
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** GET …/versions/{n}/analysis through the data provider, read again when `stamp` (the draft's ETag) changes. */
export const useVersionAnalysis = (key: string | undefined, version: number | undefined, stamp?: string) =>
  useResourceRead<Analysis>('rulesets', key, version === undefined ? undefined : `versions/${version}/analysis`, stamp);

/**
 * For the version list: a draft whose analysis finds errors cannot be submitted (the API would refuse it with
 * 400 analysis_errors), so its Submit button is disabled with the reason. Only drafts are read.
 */
export const useAnalysisSubmitBlock: UseSubmitBlock = (key, version) => {
  const analysis = useVersionAnalysis(key, version?.status === 'draft' ? version.number : undefined);
  const errors = analysis.data?.findings.filter((f) => f.severity === 'error').length ?? 0;
  return errors > 0 ? { reason: 'gabarit.analysis.submit_blocked', args: { smart_count: errors } } : undefined;
};

/** The analysis' findings for the definition being edited, by their path relative to it (/rows/2), and how to show one. */
export interface AnalysisView {
  findings: Finding[];
  /** Scrolls to the element a finding names (or the nearest one that holds it) and focuses it. */
  reveal: (path: string) => void;
}

export const AnalysisContext = createContext<AnalysisView>({ findings: [], reveal: () => undefined });

const DEFINITION = '/definition';

/** The path of a finding relative to the definition ('/rows/2'), or undefined when it names another part. */
export function definitionPath(path: string): string | undefined {
  if (path === DEFINITION) return '';
  return path.startsWith(`${DEFINITION}/`) ? path.slice(DEFINITION.length) : undefined;
}

/** Findings on the editor's definition, with paths relative to it; the rest (input schema…) stay in the panel only. */
export function onDefinition(findings: Finding[]): Finding[] {
  return findings.flatMap((f) => {
    const path = definitionPath(f.path);
    return path === undefined ? [] : [{ ...f, path }];
  });
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The findings at a place of the definition or under it, except those under one of `except` (shown there instead). */
export function findingsUnder(findings: Finding[], prefix: string, except: string[] = []): Finding[] {
  return findings.filter((f) => under(f.path, prefix) && !except.some((e) => under(f.path, e)));
}

/** The findings on the definition the editor shows (none outside the rule-set editor). */
export const useAnalysisFindings = () => useContext(AnalysisContext).findings;

/** The attribute that marks the element a finding's path names, so the summary can scroll to it. */
export const ANALYSIS_TARGET = 'data-analysis-path';

/** Scrolls to the element marked with the finding's path, or to the nearest marked one holding it, and focuses it. */
export function revealInPage(path: string): void {
  const segments = path.split('/');
  for (let n = segments.length; n >= 1; n--) {
    const at = segments.slice(0, n).join('/');
    const element = document.querySelector<HTMLElement>(`[${ANALYSIS_TARGET}=${JSON.stringify(at)}]`);
    if (!element) continue;
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
    return;
  }
}

/** The most serious severity among findings. */
export function worst(findings: Finding[]): Finding['severity'] | undefined {
  return (['error', 'warning', 'info'] as const).find((s) => findings.some((f) => f.severity === s));
}

type Translate = (key: string, options?: object) => string;

/**
 * The names the server's message quotes ("a" and "b"), each once and in order, as the console's message repeats
 * them: the message may quote a name again after the first mention (`rows "a" and "b" can both match one input;
 * under first, "a" wins`).
 */
export function quotedNames(message: string): string[] {
  return [...new Set([...message.matchAll(/"([^"]*)"/g)].map((m) => m[1]!))];
}

/** A finding in the console's language, by its kind, with the names the server's message quotes. */
export function wordFinding(finding: Finding, translate: Translate): string {
  const names = quotedNames(finding.message);
  const quoted = names.map((n) => translate('gabarit.analysis.quoted', { name: n }));
  return translate(`gabarit.analysis.kinds.${finding.kind}`, {
    _: finding.message,
    names: quoted.join(translate('gabarit.analysis.and')),
    first: quoted[0] ?? '',
    second: quoted[1] ?? '',
  });
}

/**
 * Where a path of the version is, in words: the table row and column, the rule, the tree node; the pointer
 * itself where nothing better names it.
 */
export function placeOf(path: string, definition: unknown, translate: Translate): string {
  const relative = definitionPath(path);
  if (relative === undefined || relative === '') return path;
  const parts = relative.split('/').slice(1);
  const [head, index, sub, column] = parts;
  if (head === 'rows' && index !== undefined) {
    const row = getAt(definition, ['rows', Number(index)]) as { id?: string } | undefined;
    const place = translate('gabarit.analysis.place_row', { id: row?.id ?? Number(index) + 1 });
    return sub === 'cells' && column !== undefined
      ? translate('gabarit.analysis.place_cell', { row: place, column })
      : place;
  }
  if (head === 'rows') return translate('gabarit.analysis.place_table');
  if (head === 'rules' && index !== undefined) {
    const rule = getAt(definition, ['rules', Number(index)]) as { name?: string } | undefined;
    const name = rule?.name || translate('gabarit.editors.unnamed_rule', { n: Number(index) + 1 });
    return translate('gabarit.analysis.place_rule', { name });
  }
  if (head === 'conditions' && index !== undefined)
    return translate('gabarit.analysis.place_named_condition', { name: index.replace(/~1/g, '/').replace(/~0/g, '~') });
  if (head === 'root') {
    // The deepest node on the path, by its id.
    let id: string | undefined;
    for (let n = 1; n <= parts.length; n++) {
      const node = getAt(definition, parts.slice(0, n)) as { id?: unknown } | undefined;
      if (node && typeof node === 'object' && typeof node.id === 'string') id = node.id;
    }
    // A branch, and its own fields (labels, condition), are named by the node it leads to, not the node above it.
    for (let n = parts.length; n >= 2; n--) {
      if (parts[n - 2] !== 'branches') continue;
      if (parts[n] === 'node') break; // inside the node it leads to: named above
      const branch = getAt(definition, parts.slice(0, n)) as { node?: { id?: unknown } } | undefined;
      if (typeof branch?.node?.id === 'string') id = branch.node.id;
      break;
    }
    if (id) return translate('gabarit.analysis.place_node', { id });
  }
  return path;
}

/**
 * Where a changed path of the whole version is, in words (the conflict dialog lists them): the definition's places
 * as placeOf names them, then the field changed in them (« Règle « rena » › priorité »); a test by its name; a
 * setting by its name (« Réglage « conserver les décisions » »); another part of the version by its tab
 * (« Schéma des faits »); the pointer itself where nothing better names it. `content` is the version the place
 * is read in: theirs for what they added or changed, mine for what they removed.
 */
export function changedPlace(
  path: string,
  content: { definition?: unknown; tests?: unknown[] },
  translate: Translate,
): string {
  const parts = path.split('/').slice(1);
  const rest = (from: number) =>
    parts.length > from ? ` › ${fieldWords(parts.slice(from).join('/'), translate)}` : '';
  if (definitionPath(path) !== undefined) {
    const place = placeOf(path, content.definition, translate);
    if (place === path) return path;
    // rules/3/…, rows/3/…, conditions/name/…: the entity is named, then what changed in it.
    return ['rules', 'rows', 'conditions'].includes(parts[1]!) ? place + rest(3) : place;
  }
  const [head, second] = parts;
  if (head === 'settings' && second)
    return translate('gabarit.diff.named', {
      entity: translate('gabarit.diff.entities.setting'),
      id: translate(`gabarit.diff.fields.${second}`, { _: second }),
    });
  const test =
    head === 'tests' && second !== undefined ? (content.tests?.[Number(second)] as { name?: string }) : undefined;
  if (test?.name)
    return (
      translate('gabarit.diff.named', { entity: translate('gabarit.diff.entities.test'), id: test.name }) + rest(2)
    );
  return translate(`gabarit.editors.tabs.${head}`, { _: path });
}

/**
 * The questions not checked, one entry per reason with the places it applies to, each place once, in the order
 * the analysis gave them: on the invoice pilot 37 questions said « "purchaseOrder" is computed or looked up: its
 * type is not checked » place after place, and a named condition with two such conditions was listed twice.
 */
export function groupNotChecked(notChecked: NotChecked[]): { text: Words; paths: string[] }[] {
  const groups = new Map<string, { text: Words; paths: string[] }>();
  for (const n of notChecked) {
    const group = groups.get(n.reason) ?? { text: n.text, paths: [] };
    group.paths.push(n.path);
    groups.set(n.reason, group);
  }
  return [...groups.values()];
}
