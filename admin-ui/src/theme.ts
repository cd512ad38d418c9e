import { createElement } from 'react';
import { defaultTheme, type RaThemeOptions } from 'react-admin';
import { ListLoadError } from './common/ListLoadError';
import { SortAnnouncingHead } from './common/SortAnnouncingHead';

/**
 * react-admin's light theme with darker blues: its default app bar (#2196f3 under white text, 3.1:1) and link
 * blue on grey fields (4.0:1) fall short of WCAG AA's 4.5:1. These reach 5.7:1 and more. So do MUI's warning
 * orange (#ed6c02, 3.0:1 under white, as on the « À examiner » chip) and info blue (#0288d1, 4.1:1): darker shades
 * reach 5.0:1 and 7.5:1. The empty-list message is drawn at half opacity (2.7:1); it is shown in the secondary text
 * colour instead.
 */
export const lightTheme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1565c0' },
    secondary: { main: '#0d47a1' },
    warning: { main: '#b45309' },
    // MUI's red (#d32f2f) on a warning alert's background falls under 4.5:1 (the pending table change's buttons).
    error: { main: '#b71c1c' },
    info: { main: '#01579b' },
  },
  components: {
    ...defaultTheme.components,
    RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': { opacity: 1, color: 'rgba(0, 0, 0, 0.7)' } } } },
    // A list's buttons (add a filter, export, verify the chain and its answer) took the row, and the filters were
    // squeezed into a column, one per line; the page then scrolled sideways at 1 024 px. The filters keep room for
    // a row of inputs; the buttons go under them when both do not fit.
    RaListToolbar: { styleOverrides: { root: { flexWrap: 'wrap', columnGap: 16 } } },
    // On a phone the toolbar is a column (react-admin's), where 560 px of basis was 560 px of height: a blank
    // screen above the filters of every list.
    RaFilterForm: {
      styleOverrides: { root: { flex: '1 1 560px', '@media (max-width: 599.95px)': { flex: '0 0 auto' } } },
    },
    // A table wider than the window (the audit trail at 1 024 px) scrolls in its card; the page no longer scrolls
    // sideways with the filters and buttons cut at its edge.
    // A long page title (a prompt's name) ends in « … » before the language menu instead of running under it.
    RaAppBar: {
      styleOverrides: {
        root: {
          '& #react-admin-title': { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
          '& #react-admin-title .RaConfigurable-root': { display: 'inline' }, // a block inside takes no « … »
        },
      },
    },
    RaLayout: { styleOverrides: { root: { '& .RaLayout-content': { minWidth: 0 } } } },
    // A field reached by Tab is scrolled just into view: under the app bar (48 px, 56 on a phone) when the page
    // scrolls up to it, as the audit trail's filters were (WCAG 2.4.11, a console review). A sticky editor bar
    // sets a larger padding of its own while it is there (common/use-scroll-padding.ts).
    MuiCssBaseline: { styleOverrides: { html: { scrollPaddingTop: 64 } } },
    // A sort header reached by Tab only turned a lighter grey: a ring says where the keyboard is (a console review).
    MuiTableSortLabel: {
      styleOverrides: {
        root: { '&.Mui-focusVisible': { outline: '2px solid #1565c0', outlineOffset: 2, borderRadius: 2 } },
      },
    },
    // Every table says which column it is sorted by, and which way, to a screen reader too (aria-sort).
    // A row that opens (an audit event) has a row of its own under it for what it opens: closed, it stayed in the
    // table, and a screen reader read an empty row after every event (a console review). Closed, it is not there.
    RaDataTable: {
      defaultProps: { head: SortAnnouncingHead },
      styleOverrides: { root: { '& .RaDataTable-expandRow:not(:has(.MuiCollapse-root))': { display: 'none' } } },
    },
    // A list the API refused says so in place of the previous search's rows (common/ListLoadError.tsx).
    RaList: {
      defaultProps: { error: createElement(ListLoadError) },
      styleOverrides: { root: { '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } } },
    },
  },
};
