// French as Québec sets it, applied to every French message, react-admin's own included, so a line never breaks
// between a word and its punctuation. The rules are the server's (one implementation for both).
import { typesetFrench } from '../../../server/src/common/text/typeset-french';

export { typesetFrench };

/** The same message tree with every string typeset. */
export function typesetMessages<T>(messages: T): T {
  if (typeof messages === 'string') return typesetFrench(messages) as T;
  if (messages === null || typeof messages !== 'object') return messages;
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, typesetMessages(value)])) as T;
}
