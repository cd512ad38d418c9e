import { Alert } from '@mui/material';
import { Link, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import type { Review } from './ReviewList';
import { may } from '../layout/access';

/** The open review requests a reviewer has to work, and how many are overdue; nothing for other roles. */
export function useOpenReviews(): { total: number; overdue: number; isPending: boolean } {
  const { identity } = useGetIdentity();
  const reviewer = may('decideReview', identity?.['roles'] as string[] | undefined);
  const { data, total, isPending } = useGetList<Review>(
    'reviews',
    { filter: { status: 'open' }, pagination: { page: 1, perPage: 500 }, sort: { field: 'dueAt', order: 'ASC' } },
    { enabled: reviewer },
  );
  if (!reviewer) return { total: 0, overdue: 0, isPending: false };
  if (!total) return { total: 0, overdue: 0, isPending };
  return { total, overdue: (data ?? []).filter((review) => review.overdue).length, isPending };
}

/** On the dashboard of reviewers: how many review requests wait, how many are overdue; nothing when none wait. */
export const ReviewsWaiting = () => {
  const translate = useTranslate();
  const { total, overdue } = useOpenReviews();
  if (!total) return null;
  return (
    <Alert severity={overdue > 0 ? 'error' : 'warning'} sx={{ mb: 3 }}>
      <Link to="/reviews">
        {translate('gabarit.reviews.waiting', { smart_count: total })}
        {overdue > 0 && ` ${translate('gabarit.reviews.waiting_overdue', { smart_count: overdue })}`}
      </Link>
    </Alert>
  );
};
