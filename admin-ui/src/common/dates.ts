/**
 * Dates as the reader's language writes them, in words: « 2 décembre 2026 à 14 h 05 », "December 2, 2026 at
 * 2:05 p.m." (Intl with fr-CA or en-CA), rather than the numeric forms a bare toLocaleString() gives.
 */
export const DATE_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

export const intlLocale = (locale: string) => (locale === 'en' ? 'en-CA' : 'fr-CA');

export function formatDateTime(value: string | number | Date, locale: string): string {
  return new Date(value).toLocaleString(intlLocale(locale), DATE_TIME_OPTIONS);
}
