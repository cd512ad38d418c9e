import type { Theme } from '@mui/material';

/**
 * A visible ring on a chart while it holds the keyboard's focus. MUI X charts take a Tab stop (their arrow keys walk
 * the items) and set `outline: none` on it in an inline style, so nothing showed where the focus was: a console
 * review found a silent, invisible stop on every chart. `!important` is what outweighs an inline style.
 */
export const chartFocusRing = {
  '& [tabindex="0"]:focus-visible': {
    outline: (theme: Theme) => `2px solid ${theme.palette.primary.main} !important`,
    outlineOffset: '2px',
  },
} as const;
