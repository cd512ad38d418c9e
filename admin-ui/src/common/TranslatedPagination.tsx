import { Pagination, useListContext, useTranslate, type PaginationProps } from 'react-admin';

/**
 * react-admin's pagination, none while the list shows an error, with its buttons named in the console's language on a phone too: its small-screen
 * form leaves them to MUI, which names them in English (« Go to next page ») whatever the language.
 */
export const TranslatedPagination = () => {
  const translate = useTranslate();
  const { error } = useListContext();
  // A list the API refused has no rows to page through: the count was the previous search's.
  if (error) return null;
  // Not in PaginationProps' type, but handed on to MUI's TablePagination by both forms.
  const labels = { getItemAriaLabel: (type: string) => translate(`ra.navigation.${type}`) } as PaginationProps;
  return <Pagination {...labels} />;
};
