import { Alert } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { ListHeading } from './PageHeadings';

/**
 * What a list shows in place of its rows when the API refused to give them: react-admin kept the rows of the
 * previous search, and the pager its count (« 1-10 sur 13 »), under a notification saying this search could not
 * be made, as if those rows answered it (a console review). The theme gives it to every list (theme.ts).
 */
export const ListLoadError = () => {
  const { error } = useListContext();
  const translate = useTranslate();
  if (!error) return null;
  // A search the API refused is said by its filters (dataProvider.ts); anything else, in general words.
  const refused = (error as { listQueryRefused?: boolean }).listQueryRefused === true;
  return (
    <>
      {/* In place of the list's children, its page heading among them. */}
      <ListHeading />
      {/* Polite: the notification has already been announced. */}
      <Alert severity="error" role="status" sx={{ m: 2 }} data-testid="list-load-error">
        {refused ? error.message : translate('gabarit.errors.list_load_failed')}
      </Alert>
    </>
  );
};
