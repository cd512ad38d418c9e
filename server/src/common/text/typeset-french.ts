const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

/**
 * French as Québec sets it (Office québécois de la langue française): a non-breaking space before « : », « $ »,
 * « % » and inside « »; a narrow one before ; ? !. French texts are typed with plain spaces and set when read;
 * setting a text twice changes nothing. The one implementation: the console imports it too
 * (admin-ui/src/i18n/typography.ts), for its messages and for the server's texts it shows.
 */
export function typesetFrench(text: string): string {
  return text
    .replace(/ +:/g, `${NBSP}:`)
    .replace(/ +([;?!])/g, `${NARROW_NBSP}$1`)
    .replace(/ +\$/g, `${NBSP}$`)
    .replace(/ +%(?!\{)/g, `${NBSP}%`) // %{name} is a console message's placeholder, not a percent sign
    .replace(/« +/g, `«${NBSP}`)
    .replace(/ +»/g, `${NBSP}»`);
}
