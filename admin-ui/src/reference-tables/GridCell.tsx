import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Column } from './cells';

/**
 * A problem on a cell in words: the console's own checks give a translation key; the API's details arrive worded
 * already, from their keyword and parameters (common/detail-wording.ts).
 */
export function useCellMessage() {
  const translate = useTranslate();
  return (message: string) => (message.startsWith('gabarit.') ? translate(message) : message);
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
  const say = useCellMessage();
  const label = translate('gabarit.reference_tables.cell_label', { column: column.name, row: rowNumber });
  const common = {
    id,
    size: 'small' as const,
    value: text,
    error: messages.length > 0,
    helperText: messages.length > 0 ? messages.map(say).join(' ') : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    // As wide as its column gets, and a text wraps onto more lines: at a fixed 160 px « la ou le chef d'équipe »
    // read « la ou le chef d'équi », and five columns pushed the row's delete button off a 1 280-pixel screen.
    fullWidth: true,
    sx: { minWidth: column.type === 'string' ? 120 : 104 },
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
      {...(column.type === 'string' && { multiline: true, maxRows: 4 })}
      type={column.type === 'date' ? 'date' : 'text'}
      slotProps={{ htmlInput: { 'aria-label': label, ...(column.type === 'number' && { inputMode: 'decimal' }) } }}
    />
  );
};
