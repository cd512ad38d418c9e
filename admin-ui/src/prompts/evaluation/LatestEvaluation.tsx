import { Box, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../common/dates';
import { usePersonName } from '../../common/people';
import { dataProvider } from '../../dataProvider';
import { EvaluationSummary, type EvaluationRun } from './EvaluationResults';

/**
 * The latest evaluation run of a prompt version, summarised: what the approval's audit event will carry. Shown on
 * the evaluations' review tab and in the approve and publish dialogs.
 */
export const LatestEvaluation = ({ promptKey, version }: { promptKey: string; version: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const personName = usePersonName();
  const latest = useQuery({
    queryKey: ['prompts', 'evaluation-runs', promptKey, version],
    queryFn: async () => {
      const runs = (await dataProvider.read('prompts', {
        id: promptKey,
        path: `versions/${version}/evaluation-runs`,
      })) as EvaluationRun[];
      return runs[0]
        ? ((await dataProvider.read('prompts', {
            id: promptKey,
            path: `evaluation-runs/${runs[0].id}`,
          })) as EvaluationRun)
        : null;
    },
  });
  if (latest.isPending) return <CircularProgress aria-label={translate('ra.page.loading')} size={24} />;
  if (!latest.data)
    return (
      <Typography sx={{ my: 1 }}>
        {latest.isError
          ? translate('gabarit.evaluations.unreadable')
          : translate('gabarit.evaluations.no_run', { version })}
      </Typography>
    );
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('gabarit.evaluations.latest_run', {
          set: latest.data.set,
          by: personName(latest.data.createdBy),
          at: formatDateTime(latest.data.createdAt, locale),
        })}
      </Typography>
      <EvaluationSummary run={latest.data} />
    </Box>
  );
};
