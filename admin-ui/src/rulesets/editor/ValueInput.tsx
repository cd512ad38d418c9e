import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { factLabel } from './fact-paths';
import { formatValue, parseValue } from './condition-model';
import { useReportUnreadable } from './unreadable-values';
import { wordedOptions } from '../../common/worded-options';

interface Props {
  label: string;
  /** A narrower box (a priority) than the flexible default. */
  width?: number;
  value: unknown;
  type?: string;
  onChange: (value: unknown) => void;
  errors?: string[];
  /** The values the schema allows (its `enum`): offered in a list, and a value outside it is pointed out. */
  allowed?: unknown[];
  /** A value's words, where the schema gives them (« étudiant » for `student`): shown beside it in the list. */
  wordsFor?: (value: unknown) => string | undefined;
  /**
   * A whole number within bounds (a priority): anything else is held, not passed on, and said with this one
   * problem (`gabarit.editors.problems.<problem>`), so Save waits. -5 went to the server and came back as
   * « doit être >= 1 », and 2.5 was told to « write a number (such as 12.5) ».
   */
  range?: { min: number; max: number; problem: string };
}

/** A value box that keeps what is typed while it is not yet valid, and passes on only values it could read. */
export const ValueInput = ({ label, value, type, onChange, errors = [], width, allowed, wordsFor, range }: Props) => {
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
    // Read otherwise now (« a, b » became a list when the operator became « fait partie de »): passed on.
    else if (local !== undefined || JSON.stringify(shown.value) !== JSON.stringify(value)) {
      setLocal(undefined);
      onChange(shown.value);
    }
  }, [type]);
  useReportUnreadable(local !== undefined);
  // Readable but not among the schema's values: kept (the analysis says the same on save), and said at once.
  const outside =
    allowed !== undefined &&
    local === undefined &&
    value !== undefined &&
    !allowed.some((a) => JSON.stringify(a) === JSON.stringify(value));
  const messages = [
    ...(local ? [translate(`gabarit.editors.problems.${local}`, range && { min: range.min, max: range.max })] : []),
    ...(outside
      ? [translate('gabarit.editors.problems.value_not_allowed', { values: allowed.map(formatValue).join(', ') })]
      : []),
    ...errors,
  ];
  const read = (next: string) => {
    setText(next);
    const parsed = parseValue(next, type);
    if (range && !('value' in parsed && inRange(parsed.value, range))) setLocal(range.problem);
    else if ('error' in parsed) setLocal(parsed.error);
    else {
      setLocal(undefined);
      onChange(parsed.value);
    }
  };
  const sx = width ? { width } : { minWidth: 160, flex: 1 };
  // A comparison with another fact's value ({"fact": "parameters", "path": "$.formDeadlineDays"}) is said in words
  // under its JSON, which wraps rather than being cut off in a narrow branch of a tree.
  const other =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as { fact?: unknown; path?: unknown })
      : undefined;
  const reference =
    typeof other?.fact === 'string'
      ? translate('gabarit.diff.fact_ref', {
          fact: factLabel(other.fact, typeof other.path === 'string' ? other.path : undefined),
        })
      : undefined;
  const field = (props: object = {}) => (
    <TextField
      {...props}
      size="small"
      label={label}
      multiline={reference !== undefined}
      error={messages.length > 0}
      helperText={messages.join(' ') || reference}
    />
  );
  if (allowed)
    return (
      <Autocomplete
        freeSolo
        size="small"
        options={allowed.map(formatValue)}
        // Each code with its words (« étudiant (student) »), found by either; the box keeps the code it stores.
        {...wordedOptions(
          (code) => wordsFor?.(allowed.find((a) => formatValue(a) === code)),
          (code, words) => `${words} (${code})`,
        )}
        inputValue={text}
        onInputChange={(_, next, reason) => {
          if (reason === 'reset' && next === text) return;
          read(next);
        }}
        renderInput={(params) => field(params)}
        sx={sx}
      />
    );
  return field({ value: text, onChange: (e: { target: { value: string } }) => read(e.target.value), sx });
};

const inRange = (value: unknown, { min, max }: { min: number; max: number }) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
