import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { rowsAsBlocksOnPhone } from './phone-table';

/**
 * `sx` for a table whose rows become blocks on a phone, each cell a line under the name its column header gives it
 * (PhoneLabel): in four or five columns the figure or decision that mattered was cut at the screen's edge (console
 * reviews). The header row is then not shown.
 */
export const blocksOnPhone = {
  ...rowsAsBlocksOnPhone,
  '& thead': { display: { xs: 'none', sm: 'table-header-group' } },
  '@media (max-width: 599.95px)': {
    '& td, & th': { textAlign: 'left', borderBottom: 0, py: 0.25 },
    '& tbody tr': { borderBottom: 1, borderColor: 'divider', py: 0.5 },
  },
} as const;

/** A cell's column name, said before it on a phone only (wider screens have the column header): « Taux : ». */
export const PhoneLabel = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="span" data-phone-label sx={{ display: { xs: 'inline', sm: 'none' }, fontWeight: 600, mr: 0.5 }}>
      {typeof children === 'string' ? translate('gabarit.phone_label', { name: children }) : children}
    </Box>
  );
};
