import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** Dates in the console's language, Canadian conventions (fr-CA: 2026-11-28 22 h 01). */
export const LocalDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField {...props} locales={locale === 'en' ? 'en-CA' : 'fr-CA'} />;
};
