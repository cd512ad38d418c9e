import leven from 'leven';
import { pointer, type Report } from './findings.js';
import { words } from './words.js';

type Json = Record<string, unknown>;

/**
 * The outcomes the service has words for (a person's receipt, the pilots' systems): the vocabulary a new outcome
 * is compared with. A receipt words each of them (reviews/receipt-messages.ts; its type requires it).
 */
export const KNOWN_OUTCOMES = [
  'auto_approve',
  'manual_review',
  'ineligible',
  'request_documents',
  'request_correction',
  'reject',
] as const;

interface Use {
  type: string;
  at: string;
}

/** Every outcome a version gives, where: a rule's event, a table row's event, a tree leaf's outcome. */
function outcomeUses(format: string, definition: Json): Use[] {
  const uses: Use[] = [];
  const typeOf = (holder: unknown) => (holder as { type?: unknown } | undefined)?.type;
  if (format === 'decisionTree') {
    const stack: [Json, string][] = [[definition['root'] as Json, pointer('definition', 'root')]];
    while (stack.length > 0) {
      const [node, at] = stack.pop()!;
      if (!node || typeof node !== 'object') continue;
      const type = typeOf(node['outcome']);
      if (typeof type === 'string') uses.push({ type, at: `${at}/outcome/type` });
      ((node['branches'] ?? []) as Json[]).forEach((branch, i) =>
        stack.push([branch?.['node'] as Json, `${at}${pointer('branches', i, 'node')}`]),
      );
      if (node['otherwise']) stack.push([node['otherwise'] as Json, `${at}/otherwise`]);
    }
    return uses.reverse();
  }
  const items = (format === 'decisionTable' ? definition['rows'] : definition['rules']) as Json[] | undefined;
  (items ?? []).forEach((item, i) => {
    const type = typeOf(item?.['event']);
    if (typeof type === 'string')
      uses.push({ type, at: pointer('definition', format === 'decisionTable' ? 'rows' : 'rules', i, 'event', 'type') });
  });
  return uses;
}

/** The outcomes a version can give, each once, in the order the definition first gives them. */
export function outcomesOf(format: string, definition: Json): string[] {
  return [...new Set(outcomeUses(format, definition).map((use) => use.type))];
}

/**
 * An outcome one edit or two away from a known one, or from one the version gives more often, is most likely
 * mistyped (`auto_aprove`): the systems that act on decisions would not recognise it, and only a test case that
 * reaches it would tell. Warned, not refused: a new outcome may resemble an old one on purpose.
 */
export function checkOutcomeSpelling(format: string, definition: Json, report: Report): void {
  const uses = outcomeUses(format, definition);
  const count = new Map<string, number>();
  for (const { type } of uses) count.set(type, (count.get(type) ?? 0) + 1);
  const known = new Set<string>(KNOWN_OUTCOMES);
  for (const { type, at } of uses) {
    if (known.has(type)) continue;
    const alike =
      [...new Set([...KNOWN_OUTCOMES, ...count.keys()])].find(
        (other) =>
          other !== type &&
          (known.has(other) || count.get(other)! > count.get(type)!) &&
          leven(type, other) <= (Math.min(type.length, other.length) <= 6 ? 1 : 2),
      ) ??
      // A known outcome with text run into it (`ineligiblerevue_manuelle`: typed into a field that held one). Joined
      // by `_` or `-` it is a name of its own (`soft_reject`).
      KNOWN_OUTCOMES.find(
        (other) =>
          (type.startsWith(other) && /^[a-z0-9]/i.test(type.slice(other.length))) ||
          (type.endsWith(other) && /[a-z0-9]$/i.test(type.slice(0, -other.length))),
      );
    if (alike === undefined) continue;
    report.add(
      'outcome_typo',
      'warning',
      at,
      words(
        `la décision « ${type} » ressemble à « ${alike} » : les systèmes qui lisent les décisions ne la reconnaîtraient pas`,
        `outcome "${type}" looks like a misspelling of "${alike}": the systems that read decisions would not recognise it`,
      ),
    );
  }
}
