import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Column } from './cells';
import { serverMessage } from './api-paths';

/** A problem on a cell in words: our own keys, the server's wording we know, or the server's text as is. */
export function useCellMessage(rowOffset: number) {
  const translate = useTranslate();
  return (message: string) => {
    if (message.startsWith('gabarit.')) return translate(message);
    const known = serverMessage(message, rowOffset);
    return known ? translate(known.key, known.options) : message;
  };
}

interface Props {
  id: string;
  column: Column;
  rowNumber: number;
  text: string;
  messages: string[];
  onChange: (text: string) => void;
}

/** One typed, labelled cell of the rows grid; its problems show under it and are read with it. */
export const GridCell = ({ id, column, rowNumber, text, messages, onChange }: Props) => {
  const translate = useTranslate();
  const say = useCellMessage(1);
  const label = translate('gabarit.reference_tables.cell_label', { column: column.name, row: rowNumber });
  const common = {
    id,
    size: 'small' as const,
    value: text,
    error: messages.length > 0,
    helperText: messages.length > 0 ? messages.map(say).join(' ') : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    sx: { minWidth: column.type === 'string' ? 160 : 120 },
  };
  if (column.type === 'boolean') {
    return (
      <TextField {...common} select slotProps={{ select: { native: true }, htmlInput: { 'aria-label': label } }}>
        <option value="">{translate('gabarit.reference_tables.empty_choice')}</option>
        <option value="true">{translate('gabarit.reference_tables.yes')}</option>
        <option value="false">{translate('gabarit.reference_tables.no')}</option>
      </TextField>
    );
  }
  return (
    <TextField
      {...common}
      type={column.type === 'date' ? 'date' : 'text'}
      slotProps={{ htmlInput: { 'aria-label': label, ...(column.type === 'number' && { inputMode: 'decimal' }) } }}
    />
  );
};
