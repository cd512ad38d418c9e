import { TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

interface Props {
  value: Record<string, unknown> | undefined;
  onChange: (params: Record<string, unknown> | undefined) => void;
  errors?: string[];
}

/** A decision's parameters as a small JSON object (such as {"level": "director"}); empty means none. */
export const ParamsInput = ({ value, onChange, errors = [] }: Props) => {
  const translate = useTranslate();
  const [text, setText] = useState(value ? JSON.stringify(value) : '');
  const [invalid, setInvalid] = useState(false);
  const messages = [...(invalid ? [translate('gabarit.editors.problems.params_object')] : []), ...errors];
  return (
    <TextField
      size="small"
      label={translate('gabarit.editors.event_params')}
      value={text}
      error={messages.length > 0}
      helperText={messages.join(' ') || undefined}
      slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() === '') {
          setInvalid(false);
          onChange(undefined);
          return;
        }
        try {
          const parsed: unknown = JSON.parse(e.target.value);
          const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
          setInvalid(!isObject);
          if (isObject) onChange(parsed as Record<string, unknown>);
        } catch {
          setInvalid(true);
        }
      }}
    />
  );
};
