import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The comment a reviewing dialog asks for: required where the author must learn why (a rejection). */
export const CommentField = ({
  value,
  onChange,
  required = false,
}: {
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      autoFocus
      fullWidth
      multiline
      minRows={2}
      margin="normal"
      label={translate(required ? 'gabarit.lifecycle.comment_required' : 'gabarit.lifecycle.comment')}
      required={required}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
};
