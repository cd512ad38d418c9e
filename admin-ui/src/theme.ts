import { defaultTheme, type RaThemeOptions } from 'react-admin';

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
  },
};
