import { TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useReportUnreadable } from './unreadable-values';

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
  useEffect(() => {
    // A change from elsewhere (a row moved up, the JSON editor) replaces the text, unless it is what this box
    // just sent: a moved row had kept the parameters of the row that was there before.
    if (JSON.stringify(readParams(text)) === JSON.stringify(value)) return;
    setText(value ? JSON.stringify(value) : '');
    setInvalid(false);
  }, [value]);
  // Unreadable text has passed nothing on: Save is held, as for value boxes. Saving stored the parameters from
  // before and said « Brouillon enregistré » (a console review).
  useReportUnreadable(invalid);
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

/** The parameters the text says, or null when it says none that can be read (empty reads as none: undefined). */
function readParams(text: string): Record<string, unknown> | undefined | null {
  if (text.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
