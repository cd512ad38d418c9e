import { Children, cloneElement, isValidElement, type ReactNode } from 'react';
import { DataTableHead, useDataTableSortContext } from 'react-admin';

type ColumnProps = { source?: string; disableSort?: boolean };

/**
 * react-admin's table head, with `aria-sort` on the header of the column the list is sorted by. The arrow beside
 * a sorted header is drawn only: a screen reader heard which columns could be sorted, not which one was, nor in
 * which direction (a console review). The theme makes it every table's head (theme.ts).
 */
export const SortAnnouncingHead = ({ children, ...rest }: { children?: ReactNode; className?: string }) => {
  const sort = useDataTableSortContext();
  const marked = Children.map(children, (column) => {
    if (!isValidElement<ColumnProps>(column) || !sort?.field) return column;
    if (column.props.disableSort || column.props.source !== sort.field) return column;
    const direction = sort.order === 'ASC' ? 'ascending' : 'descending';
    return cloneElement(column, { 'aria-sort': direction } as ColumnProps);
  });
  return <DataTableHead {...rest}>{marked}</DataTableHead>;
};
