import { Typography } from '@mui/material';
import { useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { visuallyHidden } from './visually-hidden';

/**
 * A list page's level-1 heading, for those who move by headings: the app bar's title is a level-6 heading, and a
 * list had no other (a console review). Hidden from sight, since the app bar already shows the same words.
 */
export const ListHeading = () => {
  const resource = useResourceContext();
  const translate = useTranslate();
  if (!resource) return null;
  return (
    <Typography component="h1" sx={visuallyHidden}>
      {translate(`resources.${resource}.name`, { smart_count: 2 })}
    </Typography>
  );
};

/**
 * A record page's level-1 heading (« Ensemble de règles « Factures » »): its sections started at level 2 under the
 * app bar's level-6 title. Hidden from sight, as the list's.
 */
export const RecordHeading = () => {
  const resource = useResourceContext();
  const record = useRecordContext<{ key?: string; name?: string }>();
  const translate = useTranslate();
  if (!resource || !record) return null;
  return (
    <Typography component="h1" sx={visuallyHidden}>
      {translate('gabarit.record_heading', {
        resource: translate(`resources.${resource}.name`, { smart_count: 1 }),
        name: record.name ?? record.key ?? '',
      })}
    </Typography>
  );
};

/**
 * A creation page's level-1 heading (« Nouvelle expérience »), the app bar's title again for those who move by
 * headings: the creation pages had none (a console review). Hidden from sight, as the list's.
 */
export const CreateHeading = () => {
  const resource = useResourceContext();
  const translate = useTranslate();
  if (!resource) return null;
  return (
    <Typography component="h1" sx={visuallyHidden}>
      {translate(`gabarit.create_titles.${resource}`)}
    </Typography>
  );
};
