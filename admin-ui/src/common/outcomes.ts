type Translate = (key: string, options?: object) => string;

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
