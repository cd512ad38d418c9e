import { Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { ReviewsWaiting } from '../reviews/ReviewsWaiting';
import { FindDecision } from './FindDecision';
import { WorkQueue } from './WorkQueue';
import { PILOTS } from '../common/pilots';

/** Landing page: who is signed in, with which roles, what waits for them, and what the pilots are. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const roles = (identity?.['roles'] as string[] | undefined) ?? [];
  return (
    <Card>
      <Title title="gabarit.title" />
      <CardContent>
        <Typography variant="h1" sx={{ fontSize: '2rem', mb: 2 }}>
          {translate('gabarit.dashboard.welcome', { name: identity?.fullName ?? '' })}
        </Typography>
        <Typography sx={{ mb: 2 }}>{translate('gabarit.dashboard.intro')}</Typography>
        <Typography variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
          {translate('gabarit.dashboard.roles')}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mb: 3 }} aria-label={translate('gabarit.dashboard.roles')}>
          {roles.map((role) => (
            <Chip key={role} label={translate(`gabarit.roles.${role}`)} color="primary" />
          ))}
        </Stack>
        <WorkQueue />
        <ReviewsWaiting />
        <FindDecision />
        <Typography variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
          {translate('gabarit.dashboard.pilots')}
        </Typography>
        <ul>
          {PILOTS.map((pilot) => (
            <li key={pilot}>{translate(`gabarit.dashboard.pilot_${pilot}`)}</li>
          ))}
        </ul>
        <Link href="/api/docs">{translate('gabarit.dashboard.api_docs')}</Link>
      </CardContent>
    </Card>
  );
};
