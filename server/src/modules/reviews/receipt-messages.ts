/**
 * What a decision receipt says to the person, French first with English beside it (docs/domain.md, "Who writes").
 * French strings are typed with plain spaces and set in Québec typography by `typesetFrench` when read.
 */
import { typesetFrench } from '../../common/text/typeset-french.js';
import type { KNOWN_OUTCOMES } from '../../engine/analysis/outcomes.js';

export type Language = 'fr' | 'en';

const NBSP = '\u00a0';

interface Messages {
  title: string;
  /**
   * Once a staff member's review replaced the decision: what holds is no longer an automated decision, and the
   * notice leads with the person's (the automated one stays beside it).
   */
  titleOverridden: string;
  decision: string;
  /** The automated decision, beside the one a staff member's review put in its place. */
  automatedDecision: string;
  decidedAt: string;
  ruleset: string;
  version: string;
  checksum: string;
  personalInformation: string;
  personal: string;
  notShown: string;
  factors: string;
  rights: string;
  reference: string;
  auditRef: string;
  correctionTitle: string;
  correction: string;
  reviewTitle: string;
  review: string;
  /** Every known outcome in words: the analysis warns of an outcome that looks like a misspelt one of these. */
  outcomes: Record<(typeof KNOWN_OUTCOMES)[number], string>;
  /** An outcome a person decided (a review's override), where it differs: « Approuvée », not « automatiquement ». */
  personOutcomes: Partial<Record<(typeof KNOWN_OUTCOMES)[number], string>>;
  unknownOutcome: (type: string) => string;
  noOutcome: string;
  /** A staff member's review of the decision, once decided: the person's receipt says what became of it. */
  reviewed: string;
  reviewConfirmed: (at: string) => string;
  reviewOverridden: (at: string, outcome: string) => string;
  reviewReason: string;
  /** A review request received and not yet decided: the person knows it reached someone, and by when. */
  reviewPendingTitle: string;
  reviewPending: (received: string, due: string) => string;
}

const fr: Messages = {
  title: 'Avis de décision automatisée',
  titleOverridden: 'Avis de décision modifiée après révision',
  decision: 'Décision',
  automatedDecision: 'Décision automatisée initiale',
  decidedAt: 'Date de la décision',
  ruleset: 'Ensemble de règles',
  version: 'Version',
  checksum: 'Empreinte',
  personalInformation: 'Renseignements personnels utilisés',
  personal: 'renseignement personnel',
  notShown: 'valeur non affichée',
  factors: 'Raisons et principaux facteurs',
  rights: 'Vos droits',
  reference: 'Référence de cet avis',
  auditRef: 'Référence de journal de cette consultation',
  correctionTitle: 'Faire rectifier vos renseignements',
  correction:
    "Si un renseignement utilisé est inexact, incomplet ou équivoque, vous pouvez demander qu'il soit rectifié : écrivez au responsable de la protection des renseignements personnels de votre organisation, ou adressez-vous à votre service des ressources humaines, en indiquant la référence de cet avis.",
  reviewTitle: 'Demander la révision de la décision',
  review:
    'Vous pouvez présenter vos observations à un membre du personnel en mesure de réviser la décision : adressez-vous à votre service des ressources humaines, par écrit ou en personne, en indiquant la référence de cet avis. Votre demande sera examinée par une personne, qui confirmera ou modifiera la décision et vous en donnera les raisons.',
  outcomes: {
    auto_approve: 'Approuvée automatiquement',
    manual_review: 'Transmise à un membre du personnel pour examen',
    ineligible: 'Non admissible',
    request_documents: 'Documents demandés',
    request_correction: 'Correction demandée',
    reject: 'Refusée',
  },
  personOutcomes: { auto_approve: 'Approuvée' },
  unknownOutcome: (type) => `Résultat « ${type} »`,
  noOutcome: 'Aucun résultat',
  reviewed: 'Révision par un membre du personnel',
  reviewConfirmed: (at) => `Le ${at}, la décision a été confirmée.`,
  reviewOverridden: (at, outcome) => `Le ${at}, la décision a été remplacée : ${outcome}.`,
  reviewReason: 'Motif',
  reviewPendingTitle: 'Demande de révision en cours',
  reviewPending: (received, due) =>
    `Votre demande de révision, reçue le ${received}, est en cours d’examen : une réponse vous sera donnée au plus tard le ${due}.`,
};

const en: Messages = {
  title: 'Notice of an automated decision',
  titleOverridden: 'Notice of a decision changed after review',
  decision: 'Decision',
  automatedDecision: 'Initial automated decision',
  decidedAt: 'Date of the decision',
  ruleset: 'Rule set',
  version: 'Version',
  checksum: 'Checksum',
  personalInformation: 'Personal information used',
  personal: 'personal information',
  notShown: 'value not shown',
  factors: 'Reasons and main factors',
  rights: 'Your rights',
  reference: 'Reference of this notice',
  auditRef: 'Audit reference of this consultation',
  correctionTitle: 'Having your information corrected',
  correction:
    "If any information used is inaccurate, incomplete or equivocal, you may ask for it to be corrected: write to your organization's person in charge of the protection of personal information, or contact your human resources office, quoting the reference of this notice.",
  reviewTitle: 'Asking for a review of the decision',
  review:
    'You may submit your observations to a staff member who can review the decision: contact your human resources office, in writing or in person, quoting the reference of this notice. A person will examine your request, confirm or change the decision, and tell you why.',
  outcomes: {
    auto_approve: 'Approved automatically',
    manual_review: 'Sent to a staff member for review',
    ineligible: 'Not eligible',
    request_documents: 'Documents requested',
    request_correction: 'Correction requested',
    reject: 'Rejected',
  },
  personOutcomes: { auto_approve: 'Approved' },
  unknownOutcome: (type) => `Outcome "${type}"`,
  noOutcome: 'No outcome',
  reviewed: 'Review by a staff member',
  reviewConfirmed: (at) => `On ${at}, the decision was confirmed.`,
  reviewOverridden: (at, outcome) => `On ${at}, the decision was replaced: ${outcome}.`,
  reviewReason: 'Reason',
  reviewPendingTitle: 'Review request under way',
  reviewPending: (received, due) =>
    `Your request for a review, received on ${received}, is being examined: you will have an answer by ${due} at the latest.`,
};

function typeset(messages: Messages): Messages {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out[key] = typesetFrench(value);
    else if (typeof value === 'function')
      out[key] = (...args: string[]) => typesetFrench((value as (...a: string[]) => string)(...args));
    else
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, string>).map(([k, v]) => [k, typesetFrench(v)]),
      );
  }
  return out as unknown as Messages;
}

export const RECEIPT_MESSAGES: Record<Language, Messages> = { fr: typeset(fr), en };

/** The outcome in words: each event type's wording, joined. */
export function outcomeInWords(types: string[], lang: Language): string {
  const m = RECEIPT_MESSAGES[lang];
  if (types.length === 0) return m.noOutcome;
  // Own keys only: an outcome named `toString` is not a word the object inherits.
  const named = (type: string) =>
    Object.hasOwn(m.outcomes, type) ? (m.outcomes as Record<string, string>)[type] : undefined;
  const words = types.map((type) => named(type) ?? m.unknownOutcome(type));
  return lang === 'fr' ? typesetFrench(words.join(' ; ')) : words.join('; ');
}

/** An outcome a person decided, in words: « Approuvée », where the automated one reads « automatiquement ». */
export function personOutcomeInWords(type: string, lang: Language): string {
  const own = RECEIPT_MESSAGES[lang].personOutcomes as Record<string, string>;
  return Object.hasOwn(own, type) ? own[type]! : outcomeInWords([type], lang);
}

/** A calendar date (`2026-03-02`) in words, « 2 mars 2026 » (« 1er » in French), "March 2, 2026"; else undefined. */
export function dayInWords(day: string, lang: Language): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day) return undefined;
  // A calendar date has no time zone: read in UTC, it stays the day written.
  const words = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(at);
  return lang === 'fr' && at.getUTCDate() === 1 ? words.replace(/^1 /, '1er ') : words;
}

/** The day of an instant in words, by Québec's calendar: « 6 avril 2026 » (when a time would say too much). */
export function dayOfInWords(at: Date, lang: Language): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(at); // 2026-04-06
  return dayInWords(day, lang) ?? day;
}

/** A date and time in words, as Québec reads it: « 2 avril 2026 à 14 h 05 », "April 2, 2026 at 2:05 p.m.". */
export function dateInWords(at: Date, lang: Language): string {
  const locale = lang === 'fr' ? 'fr-CA' : 'en-CA';
  const zone = 'America/Toronto';
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone }).format(at);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(at);
  // The reader may be anywhere: the receipt says which clock, standard or daylight as on that day.
  const clock = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'long' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')!.value;
  if (lang === 'en') return `${day} at ${time} (${clock})`;
  const dayOfMonth = new Intl.DateTimeFormat('en-CA', { day: 'numeric', timeZone: zone }).format(at);
  // « 14 h 05 »: the hour sign between non-breaking spaces, as the OQLF writes times.
  const frenchTime = time.replace(/\s*h\s*/, `${NBSP}h${NBSP}`);
  return `${dayOfMonth === '1' ? day.replace(/^1 /, '1er ') : day} à ${frenchTime} (${clock})`;
}
