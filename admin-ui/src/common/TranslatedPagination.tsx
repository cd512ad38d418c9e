import { Pagination, useTranslate, type PaginationProps } from 'react-admin';

/**
 * react-admin's pagination with its buttons named in the console's language on a phone too: its small-screen
 * form leaves them to MUI, which names them in English (« Go to next page ») whatever the language.
 */
export const TranslatedPagination = () => {
  const translate = useTranslate();
  // Not in PaginationProps' type, but handed on to MUI's TablePagination by both forms.
  const labels = { getItemAriaLabel: (type: string) => translate(`ra.navigation.${type}`) } as PaginationProps;
  return <Pagination {...labels} />;
};
