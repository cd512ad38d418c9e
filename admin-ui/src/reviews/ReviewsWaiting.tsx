import { Alert } from '@mui/material';
import { Link, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import type { Review } from './ReviewList';
import { may } from '../layout/access';

/** On the dashboard of reviewers: how many review requests wait, how many are overdue; nothing when none wait. */
export const ReviewsWaiting = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const reviewer = may('decideReview', identity?.['roles'] as string[] | undefined);
  const { data, total } = useGetList<Review>(
    'reviews',
    { filter: { status: 'open' }, pagination: { page: 1, perPage: 500 }, sort: { field: 'dueAt', order: 'ASC' } },
    { enabled: reviewer },
  );
  if (!reviewer || !total) return null;
  const overdue = (data ?? []).filter((review) => review.overdue).length;
  return (
    <Alert severity={overdue > 0 ? 'error' : 'warning'} sx={{ mb: 3 }}>
      <Link to="/reviews">
        {translate('gabarit.reviews.waiting', { smart_count: total })}
        {overdue > 0 && ` ${translate('gabarit.reviews.waiting_overdue', { smart_count: overdue })}`}
      </Link>
    </Alert>
  );
};
