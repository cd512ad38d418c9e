// French as Québec sets it (Office québécois de la langue française): a non-breaking space before the colon,
// the dollar and percent signs and inside « »; a narrow non-breaking space before ; ? and !. Applied to every
// French message, react-admin's own included, so a line never breaks between a word and its punctuation.
const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

export function typesetFrench(text: string): string {
  return text
    .replace(/ +:/g, `${NBSP}:`)
    .replace(/ +([;?!])/g, `${NARROW_NBSP}$1`)
    .replace(/ +\$/g, `${NBSP}$`)
    .replace(/ +%(?!\{)/g, `${NBSP}%`) // %{name} is a placeholder, not a percent sign
    .replace(/« +/g, `«${NBSP}`)
    .replace(/ +»/g, `${NBSP}»`);
}

/** The same message tree with every string typeset. */
export function typesetMessages<T>(messages: T): T {
  if (typeof messages === 'string') return typesetFrench(messages) as T;
  if (messages === null || typeof messages !== 'object') return messages;
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, typesetMessages(value)])) as T;
}
