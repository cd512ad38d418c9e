import { TextField } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatValue, parseValue } from './condition-model';
import { useReportUnreadable } from './unreadable-values';

interface Props {
  label: string;
  /** A narrower box (a priority) than the flexible default. */
  width?: number;
  value: unknown;
  type?: string;
  onChange: (value: unknown) => void;
  errors?: string[];
}

/** A value box that keeps what is typed while it is not yet valid, and passes on only values it could read. */
export const ValueInput = ({ label, value, type, onChange, errors = [], width }: Props) => {
  const translate = useTranslate();
  const [text, setText] = useState(formatValue(value));
  const [local, setLocal] = useState<string | undefined>();
  useEffect(() => {
    // A change from elsewhere (the JSON editor) replaces the text, unless it is the value this box just sent.
    const shown = parseValue(text, type);
    if ('value' in shown && JSON.stringify(shown.value) === JSON.stringify(value)) return;
    setText(formatValue(value));
    setLocal(undefined);
  }, [value]);
  const typeRead = useRef(type);
  useEffect(() => {
    // The type changed (another fact or operator): what is typed is read again, « abc » now refused or accepted.
    if (typeRead.current === type) return;
    typeRead.current = type;
    const shown = parseValue(text, type);
    if ('error' in shown) setLocal(shown.error);
    else if (local !== undefined) {
      setLocal(undefined);
      onChange(shown.value);
    }
  }, [type]);
  useReportUnreadable(local !== undefined);
  const messages = [...(local ? [translate(`gabarit.editors.problems.${local}`)] : []), ...errors];
  return (
    <TextField
      size="small"
      label={label}
      value={text}
      error={messages.length > 0}
      helperText={messages.join(' ') || undefined}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parseValue(e.target.value, type);
        if ('error' in parsed) setLocal(parsed.error);
        else {
          setLocal(undefined);
          onChange(parsed.value);
        }
      }}
      sx={width ? { width } : { minWidth: 160, flex: 1 }}
    />
  );
};
