/**
 * The pilots the console offers (their labels are `gabarit.pilots.<id>` in both languages). The server accepts
 * any pilot name of the right form; a new pilot is added here, with its labels, and nowhere else in the console.
 */
export const PILOTS = ['invoices', 'enrolment', 'chatbot'] as const;

/** Choices of a pilot selector, `first` on top (prompts are the chatbot's first). */
export function pilotChoices(first?: (typeof PILOTS)[number]): { id: string; name: string }[] {
  const ordered = first ? [first, ...PILOTS.filter((pilot) => pilot !== first)] : [...PILOTS];
  return ordered.map((id) => ({ id, name: `gabarit.pilots.${id}` }));
}
