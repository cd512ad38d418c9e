const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

/**
 * French as Québec sets it, as the console does (admin-ui/src/i18n/typography.ts): a non-breaking space before
 * « : », « $ », « % » and inside « »; a narrow one before ; ? !. French texts are typed with plain spaces and
 * set when read; setting a text twice changes nothing.
 */
export function typesetFrench(text: string): string {
  return text
    .replace(/ +:/g, `${NBSP}:`)
    .replace(/ +([;?!])/g, `${NARROW_NBSP}$1`)
    .replace(/ +\$/g, `${NBSP}$`)
    .replace(/ +%/g, `${NBSP}%`)
    .replace(/« +/g, `«${NBSP}`)
    .replace(/ +»/g, `${NBSP}»`);
}
