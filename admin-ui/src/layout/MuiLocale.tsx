import { enUS, frFR } from '@mui/material/locale';
import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useCallback, type ReactNode } from 'react';
import { useLocaleState } from 'react-admin';

type ComponentWords = Record<string, { defaultProps?: object }>;

/**
 * Material UI's own words in the console's language: a picker's « Clear » and « Open », an alert's « Close »,
 * pagination's labels. They were English in the French console, in hover titles and for screen readers. What the
 * console's theme sets for a component stays; the language's words fill in the rest.
 */
export const MuiLocale = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  const theme = useCallback(
    (outer: Theme): Theme => {
      const words = ((locale === 'en' ? enUS : frFR).components ?? {}) as ComponentWords;
      const components: Record<string, unknown> = { ...outer.components };
      for (const [name, { defaultProps }] of Object.entries(words)) {
        const own = (outer.components as ComponentWords | undefined)?.[name];
        components[name] = { ...own, defaultProps: { ...defaultProps, ...own?.defaultProps } };
      }
      return { ...outer, components } as Theme;
    },
    [locale],
  );
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
};
