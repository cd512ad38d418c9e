import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { DATE_OPTIONS, DATE_TIME_OPTIONS, intlLocale } from './dates';

/** Dates in the console's language, in words (« 2 décembre 2026 à 14 h 05 »; "December 2, 2026 at 2:05 p.m."). */
export const LocalDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return (
    <DateField
      options={props.showTime ? DATE_TIME_OPTIONS : DATE_OPTIONS}
      // An instant is read as one: a narrow column broke « 17 h 20 » between the hour and « h ».
      sx={props.showTime ? { whiteSpace: 'nowrap' } : undefined}
      {...props}
      locales={intlLocale(locale)}
    />
  );
};
