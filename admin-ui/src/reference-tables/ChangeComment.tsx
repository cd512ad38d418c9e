import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * Why a table changes, sent with the change: an approver of a held change read who changed what, never why (the API
 * took a comment; the console never asked for one). Optional: a table no published rule set reads changes at once.
 */
export const ChangeComment = ({ value, onChange }: { value: string; onChange: (next: string) => void }) => {
  const translate = useTranslate();
  return (
    <TextField
      size="small"
      fullWidth
      multiline
      sx={{ mt: 1, maxWidth: 900 }}
      label={translate('gabarit.reference_tables.change_comment')}
      helperText={translate('gabarit.reference_tables.change_comment_help')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ htmlInput: { maxLength: 2000 } }}
    />
  );
};
