import { MASK, piiPaths } from '../evaluation/pii.js';
import { typesetFrench } from '../../common/text/typeset-french.js';
import {
  dateInWords,
  dayInWords,
  dayOfInWords,
  outcomeInWords,
  personOutcomeInWords,
  RECEIPT_MESSAGES,
  type Language,
} from './receipt-messages.js';

type Json = Record<string, unknown>;

export interface ReceiptItem {
  path: string;
  title: string;
  personal: boolean;
  shown: boolean;
  value?: unknown;
  /** The value in words, when the schema names it (`x-enum-titles`, `x-enum-titles-en`): « monoparentale ». */
  valueText?: string;
}

export interface Receipt {
  decisionId: string;
  lang: Language;
  title: string;
  /**
   * `outcome`: the decision that holds, in words (a staff member's override, once decided); `automatedOutcome`,
   * only then, what the automated decision was. `events` stay the automated decision's.
   */
  decision: { events: { type: string; params?: Json }[]; outcome: string; automatedOutcome?: string };
  ruleset: string;
  rulesetName?: string;
  version: number;
  checksum: string;
  decidedAt: string;
  decidedAtText: string;
  personalInformation: ReceiptItem[];
  personalValuesShown: boolean;
  summary?: string;
  factors: { rule?: string; text: string; path?: string[] }[];
  rights: { correction: { title: string; text: string }; review: { title: string; text: string } };
  auditRef: string;
  auditHash?: string;
  text: string;
  /** What a staff member's review made of the decision, once decided. */
  review?: { outcome: 'confirmed' | 'overridden'; decidedAt: string; text: string; reason?: string };
  /** A review request still open: when it was received and when it is due, in words too. */
  pendingReview?: { submittedAt: string; dueAt: string; text: string };
}

export interface ReceiptSource {
  decision: {
    id: string;
    ruleset: string;
    version: number;
    checksum: string;
    at: Date;
    facts: Json;
    events: unknown[];
    explanation?: unknown;
  };
  rulesetName?: string;
  inputSchema: unknown;
  personalValuesShown: boolean;
  audit: { id: string; hash?: string };
  /** The latest decided review of the decision, if any. */
  review?: { outcome: 'confirmed' | 'overridden'; decidedAt: Date; reason?: string; newDecision?: { type: string } };
  /** The latest review request still open, if any: the person learns it was received and by when it is answered. */
  pending?: { submittedAt: Date; dueAt: Date };
}

interface ExplanationRule {
  name?: string;
  fr?: string;
  en?: string;
  path?: string[];
  pathEn?: string[];
}

/**
 * The information a decision was made from: every input field it received (leaves of the input schema's
 * objects), titled in the reader's language (`title`, `x-title-en`), marked personal when the schema marks it
 * `x-pii` or it lies under such a field, or holds one (a list is given whole). Values come from the facts as the reader may see them (masked already);
 * a personal value is withheld from a reader who may not see personal information. A coded value the schema
 * names in words (`x-enum-titles`, `x-enum-titles-en`: `{ "single_parent": "monoparentale" }`) is given in them
 * too: the person reads « monoparentale », not the code.
 */
export function informationUsed(
  schema: unknown,
  facts: Json,
  lang: Language,
  personalValuesShown: boolean,
): ReceiptItem[] {
  const personal = piiPaths(schema).map((path) => path.join('/'));
  const items: ReceiptItem[] = [];
  const walk = (node: unknown, value: unknown, path: string[], titles: string[]) => {
    if (value === undefined) return;
    const n = (node ?? {}) as Json;
    const own = lang === 'en' ? (n['x-title-en'] ?? n['title']) : n['title'];
    const title = path.length === 0 ? [] : [...titles, typeof own === 'string' ? own : path[path.length - 1]!];
    const properties = n['properties'] as Json | undefined;
    if (properties && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, child] of Object.entries(properties))
        walk(child, (value as Json)[name], [...path, name], title);
      return;
    }
    const joined = path.join('/');
    // Under a personal field, or holding one: a list (given whole) whose items have a personal member is personal
    // (`dependants/adultChildren/*/birthDate` makes `dependants/adultChildren` so; it was listed as not).
    const isPersonal = personal.some((p) => joined === p || joined.startsWith(`${p}/`) || p.startsWith(`${joined}/`));
    const shown = !isPersonal || personalValuesShown;
    const words = shown ? (enumTitle(n, value, lang) ?? dateTitle(n, value, lang)) : undefined;
    items.push({
      path: `/${path.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
      title: title.join(' — ') || joined,
      personal: isPersonal,
      shown,
      ...(shown && { value }),
      ...(words !== undefined && { valueText: words }),
    });
  };
  walk(schema, facts, [], []);
  return items;
}

/** A calendar date (`format: date`) as the person reads one, « 2 mars 2026 », not 2026-03-02. */
function dateTitle(node: Json, value: unknown, lang: Language): string | undefined {
  if (node['format'] !== 'date' || typeof value !== 'string') return undefined;
  return dayInWords(value, lang);
}

/** The words a schema gives a coded value in the reader's language (English falls back to the French). */
function enumTitle(node: Json, value: unknown, lang: Language): string | undefined {
  if (typeof value !== 'string') return undefined;
  for (const key of lang === 'en' ? ['x-enum-titles-en', 'x-enum-titles'] : ['x-enum-titles']) {
    const titles = node[key];
    if (titles && typeof titles === 'object' && Object.hasOwn(titles, value)) {
      const title = (titles as Json)[value];
      if (typeof title === 'string') return title;
    }
  }
  return undefined;
}

export function buildReceipt(source: ReceiptSource, lang: Language): Receipt {
  const m = RECEIPT_MESSAGES[lang];
  const { decision } = source;
  const events = decision.events as { type: string; params?: Json }[];
  const explanation = (decision.explanation ?? {}) as { fr?: string; en?: string; rules?: ExplanationRule[] };
  // A personal value withheld from this reader is masked in the explanation too: the person reads that it is not
  // shown, in the words the information table uses, not « *** ans à l'embauche ».
  const withheld = (text: string) => text.replaceAll(MASK, `[${m.notShown}]`);
  const factors = (explanation.rules ?? [])
    .filter((rule) => typeof rule[lang] === 'string' && rule[lang] !== '')
    .map((rule) => ({
      ...(rule.name && { rule: rule.name }),
      text: withheld(rule[lang]!),
      ...((lang === 'en' ? rule.pathEn : rule.path) && { path: (lang === 'en' ? rule.pathEn : rule.path)! }),
    }));
  const receipt: Omit<Receipt, 'text'> = {
    decisionId: decision.id,
    lang,
    title: source.review?.outcome === 'overridden' ? m.titleOverridden : m.title,
    decision: decisionInWords(events, source.review, lang),
    ruleset: decision.ruleset,
    ...(source.rulesetName && { rulesetName: source.rulesetName }),
    version: decision.version,
    checksum: decision.checksum,
    decidedAt: decision.at.toISOString(),
    decidedAtText: dateInWords(decision.at, lang),
    personalInformation: informationUsed(source.inputSchema, decision.facts, lang, source.personalValuesShown),
    personalValuesShown: source.personalValuesShown,
    ...(typeof explanation[lang] === 'string' && { summary: withheld(explanation[lang]) }),
    factors,
    rights: {
      correction: { title: m.correctionTitle, text: m.correction },
      review: { title: m.reviewTitle, text: m.review },
    },
    ...(source.review && { review: reviewInWords(source.review, lang) }),
    ...(source.pending && {
      pendingReview: {
        submittedAt: source.pending.submittedAt.toISOString(),
        dueAt: source.pending.dueAt.toISOString(),
        text: m.reviewPending(dayOfInWords(source.pending.submittedAt, lang), dayOfInWords(source.pending.dueAt, lang)),
      },
    }),
    auditRef: source.audit.id,
    ...(source.audit.hash && { auditHash: source.audit.hash }),
  };
  return { ...receipt, text: receiptText(receipt, lang) };
}

/** The decision that holds, in words, and the automated one beside it once a staff member's review replaced it. */
function decisionInWords(
  events: Receipt['decision']['events'],
  review: ReceiptSource['review'],
  lang: Language,
): Receipt['decision'] {
  const automated = outcomeInWords(
    events.map((e) => e.type),
    lang,
  );
  if (review?.outcome !== 'overridden' || !review.newDecision) return { events, outcome: automated };
  return { events, outcome: personOutcomeInWords(review.newDecision.type, lang), automatedOutcome: automated };
}

/** What a staff member's review made of the decision, in the reader's language. */
function reviewInWords(review: NonNullable<ReceiptSource['review']>, lang: Language): Receipt['review'] {
  const m = RECEIPT_MESSAGES[lang];
  const at = dateInWords(review.decidedAt, lang);
  const text =
    review.outcome === 'overridden' && review.newDecision
      ? m.reviewOverridden(at, lowerFirst(personOutcomeInWords(review.newDecision.type, lang), lang))
      : m.reviewConfirmed(at);
  return {
    outcome: review.outcome,
    decidedAt: review.decidedAt.toISOString(),
    text,
    ...(review.reason !== undefined && { reason: review.reason }),
  };
}

/** After a colon, French and English go on in lower case: « remplacée : transmise à… ». */
function lowerFirst(text: string, lang: Language): string {
  return text.charAt(0).toLocaleLowerCase(lang === 'fr' ? 'fr-CA' : 'en-CA') + text.slice(1);
}

/** The receipt as plain text: what is printed or sent to the person. */
export function receiptText(receipt: Omit<Receipt, 'text'>, lang: Language): string {
  const m = RECEIPT_MESSAGES[lang];
  const line = (label: string, value: string) =>
    lang === 'fr' ? typesetFrench(`${label} : ${value}`) : `${label}: ${value}`;
  const lines = [
    receipt.title.toUpperCase(),
    '',
    // Words only: the person reads « Documents demandés », not the code a system keys on.
    line(m.decision, receipt.decision.outcome),
    ...(receipt.decision.automatedOutcome ? [line(m.automatedDecision, receipt.decision.automatedOutcome)] : []),
    line(m.decidedAt, receipt.decidedAtText),
    // What the rights below ask the person to quote, and what staff open the decision by.
    line(m.reference, receipt.decisionId),
    line(m.ruleset, receipt.rulesetName ? `${receipt.rulesetName} (${receipt.ruleset})` : receipt.ruleset),
    line(m.version, String(receipt.version)),
    line(m.checksum, receipt.checksum),
    '',
    m.personalInformation,
    ...receipt.personalInformation.map(
      (item) =>
        `- ${line(
          item.personal ? `${item.title} (${m.personal})` : item.title,
          item.shown ? (item.valueText ?? valueText(item.value, lang)) : `[${m.notShown}]`,
        )}`,
    ),
    '',
    m.factors,
    ...(receipt.summary ? [receipt.summary] : receipt.factors.map((factor) => factor.text)),
    // What holds now, before the rights, as the console shows it.
    ...(receipt.review
      ? [
          '',
          m.reviewed,
          receipt.review.text,
          // Withheld from a reader who may not see personal values: said so, as the console's sheet says it.
          ...(receipt.review.reason !== undefined
            ? [line(m.reviewReason, receipt.review.reason)]
            : receipt.personalValuesShown
              ? []
              : [line(m.reviewReason, `[${m.notShown}]`)]),
        ]
      : []),
    ...(receipt.pendingReview ? ['', m.reviewPendingTitle, receipt.pendingReview.text] : []),
    '',
    m.rights,
    line(receipt.rights.correction.title, receipt.rights.correction.text),
    line(receipt.rights.review.title, receipt.rights.review.text),
    '',
    line(m.auditRef, receipt.auditRef),
  ];
  return `${lines.join('\n')}\n`;
}

function valueText(value: unknown, lang: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no';
  if (typeof value === 'number') return new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA').format(value);
  return JSON.stringify(value);
}
