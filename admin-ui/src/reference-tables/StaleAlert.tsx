import { Alert, Button } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A 412: someone else changed the table since it was read; reloading shows their version (local edits are dropped). */
export const StaleAlert = ({ onReload }: { onReload: () => Promise<void> }) => {
  const translate = useTranslate();
  return (
    <Alert
      severity="warning"
      role="alert"
      sx={{ my: 1 }}
      action={
        <Button color="inherit" onClick={() => void onReload()}>
          {translate('gabarit.reference_tables.reload')}
        </Button>
      }
    >
      {translate('gabarit.reference_tables.stale')}
    </Alert>
  );
};
