import { reviewsMessages } from '../i18n/fr/reviews';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The outcomes the console words (gabarit.outcomes, the same words as the person's receipt): offered first where
 * an analyst writes a decision.
 */
export const KNOWN_OUTCOMES = Object.keys(reviewsMessages.gabarit.outcomes);

/** An outcome (an event type) in words, when the console knows it (`gabarit.outcomes`); the code otherwise. */
export const outcomeWords = (type: string, translate: Translate): string =>
  translate(`gabarit.outcomes.${type}`, { _: type });

/**
 * An outcome a person decided (a review's override): « Approuvée », not « Approuvée automatiquement ».
 */
export const personOutcomeWords = (type: string, translate: Translate): string =>
  translate(`gabarit.outcomes_by_person.${type}`, { _: outcomeWords(type, translate) });

/**
 * For those who write rules: the words and the code their rules return (« Approuvée automatiquement
 * (auto_approve) »), the code alone when a rule set's own outcome has no words in the console.
 */
export const outcomeWithCode = (type: string, translate: Translate): string => {
  const words = outcomeWords(type, translate);
  return words === type ? type : `${words} (${type})`;
};

/**
 * A change of outcome as the impact and shadow reports count it (`auto_approve → manual_review`; a side may be
 * `(none)`, several types joined by `+`, or `error: …`; the same types with other parameters end with the
 * parameters' names in parentheses), in words.
 */
export const transitionWords = (transition: string, translate: Translate): string => {
  // The same types with other parameters: their names follow in parentheses (`route_approval → route_approval
  // (level)`).
  const params = /^(.*) → (.*) \(([^()]+)\)$/.exec(transition);
  if (params && params[1] === params[2])
    return `${sidesWords(`${params[1]} → ${params[2]}`, translate)} ${translate('gabarit.outcome_params_changed', { names: params[3] })}`;
  return sidesWords(transition, translate);
};

const sidesWords = (transition: string, translate: Translate): string =>
  transition
    .split(' → ')
    .map((side) =>
      side === '(none)'
        ? translate('gabarit.outcome_none')
        : side.startsWith('error: ')
          ? errorWords(side.slice('error: '.length), translate)
          : side
              .split('+')
              .map((type) => outcomeWords(type, translate))
              .join(' + '),
    )
    .join(' → ');

/**
 * A version that could not decide, with why when the reason is one of the API's codes (`undefined_fact`): an
 * approver reading a live comparison told only « n'a pas pu décider » could not tell a broken version from a
 * changed one.
 */
function errorWords(reason: string, translate: Translate): string {
  const code = /^[a-z_]+$/.test(reason) ? reason : undefined;
  // Said of the version where the API's sentence speaks to a caller (« the rules need a fact that was not sent »
  // blamed the caller for the version's own missing fact); else the error's sentence, in the parentheses, without
  // its capital and final period.
  const own = code ? translate(`gabarit.outcome_error_reasons.${code}`, { _: '' }) : '';
  const said = code ? translate(`gabarit.errors.${code}`, { _: '' }).replace(/\.$/, '') : '';
  const why = own || (said && said.charAt(0).toLocaleLowerCase() + said.slice(1));
  return why ? translate('gabarit.outcome_error_because', { why }) : translate('gabarit.outcome_error');
}
