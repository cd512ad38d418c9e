import { Pagination, useListContext, useTranslate, type PaginationProps } from 'react-admin';

/**
 * react-admin's pagination, none while the list shows an error, with its buttons named in the console's language
 * on a phone too: its small-screen form leaves them to MUI, which names them in English (« Go to next page »)
 * whatever the language. The rows shown (« 11-13 sur 13 ») are a status, said when they change: after « page
 * suivante » the keyboard stays on the pager, off the screen once the page grew, and nothing said the new page
 * (a console review).
 */
export const TranslatedPagination = () => {
  const translate = useTranslate();
  const { error } = useListContext();
  // A list the API refused has no rows to page through: the count was the previous search's.
  if (error) return null;
  // Not in PaginationProps' type, but handed on to MUI's TablePagination by both forms.
  const props = {
    getItemAriaLabel: (type: string) => translate(`ra.navigation.${type}`),
    slotProps: { displayedRows: { role: 'status' } },
  } as PaginationProps;
  return <Pagination {...props} />;
};
