/**
 * Dates as the reader's language writes them, in words: « 2 décembre 2026 à 14 h 05 », "December 2, 2026 at
 * 2:05 p.m." (Intl with fr-CA or en-CA), rather than the numeric forms a bare toLocaleString() gives.
 */
export const DATE_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'long' };
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

export const intlLocale = (locale: string) => (locale === 'en' ? 'en-CA' : 'fr-CA');

/** An instant in words; its time is never broken across lines (« 12 h » on one line and « 04 » on the next). */
export function formatDateTime(value: string | number | Date, locale: string): string {
  const instant = new Date(value);
  const written = instant.toLocaleString(intlLocale(locale), DATE_TIME_OPTIONS);
  const time = instant.toLocaleTimeString(intlLocale(locale), { timeStyle: 'short' });
  return written.replace(time, time.replace(/ /g, '\u00a0'));
}

/**
 * How many calendar days, in the reader's time zone, lie between the day of `instant` and today: a request
 * received at 21 h 57 is « d'hier » at 1 h, though not 24 hours old.
 */
export function calendarDaysAgo(instant: string, now = new Date()): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
  return Math.max(0, Math.round(day(now) - day(new Date(instant))));
}

/** The reader's local day of an instant, in words: « 30 juin 2026 », "June 30, 2026". */
export function formatDay(value: string | number | Date, locale: string): string {
  return new Date(value).toLocaleDateString(intlLocale(locale), DATE_OPTIONS);
}

/** A day picked in a date input (YYYY-MM-DD, local time) as the instant it starts or ends. */
export function startOfDay(day: string | null | undefined): string | undefined {
  return dayInstant(day, 'T00:00:00.000');
}

export function endOfDay(day: string | null | undefined): string | undefined {
  return dayInstant(day, 'T23:59:59.999');
}

function dayInstant(day: string | null | undefined, time: string): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const instant = new Date(`${day}${time}`); // no zone: the browser's local day, as the user picked it
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** The local day (YYYY-MM-DD) of an instant, as a date input shows it. */
export function localDay(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/**
 * An instant as a day and a time apart (« 5 décembre 2026 », « 00 h 45 »), for a narrow column: it wraps between
 * them, never inside the time (« 00 h » on one line, « 45 » on the next).
 */
export function dayAndTime(value: string | number | Date, locale: string): { day: string; time: string } {
  const instant = new Date(value);
  return {
    day: instant.toLocaleDateString(intlLocale(locale), DATE_OPTIONS),
    time: instant.toLocaleTimeString(intlLocale(locale), { timeStyle: 'short' }),
  };
}
