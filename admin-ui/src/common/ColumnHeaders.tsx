import { TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';

/** A table's header row: one column header (`th scope="col"`, for screen readers) per label, in order. */
export const ColumnHeaders = ({ labels }: { labels: ReactNode[] }) => (
  <TableHead>
    <TableRow>
      {labels.map((label, i) => (
        <TableCell key={i} component="th" scope="col">
          {label}
        </TableCell>
      ))}
    </TableRow>
  </TableHead>
);
