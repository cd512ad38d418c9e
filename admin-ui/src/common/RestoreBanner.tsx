import { Alert, Button, Stack } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from './dates';

/** Offers back edits kept in the browser from an earlier visit (an expired session, a closed tab). */
export const RestoreBanner = ({
  savedAt,
  onRestore,
  onDiscard,
}: {
  savedAt: string;
  onRestore: () => void;
  onDiscard: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" onClick={onRestore}>
            {translate('gabarit.editors.restore')}
          </Button>
          <Button color="inherit" onClick={onDiscard}>
            {translate('gabarit.editors.discard')}
          </Button>
        </Stack>
      }
    >
      {translate('gabarit.editors.restorable', { date: formatDateTime(savedAt, locale) })}
    </Alert>
  );
};
