/**
 * `sx` for a table whose rows become blocks on a phone, each cell on its own line: side by side in 390 pixels, a
 * nested value or a row's « after » was squeezed a few letters a line, or pushed off the screen. Wider screens keep
 * the table.
 */
export const rowsAsBlocksOnPhone = {
  '& tr': { display: { xs: 'block', sm: 'table-row' } },
  '& th, & td': { display: { xs: 'block', sm: 'table-cell' } },
} as const;
