import { Alert } from '@mui/material';
import { Link, useGetOne, useTranslate } from 'react-admin';
import { useResourceRead } from '../common/use-resource-read';

/**
 * A prompt runs one experiment at a time: said as soon as the prompt is chosen, not at the last step, where
 * publishing this one would be refused while the other runs.
 */
export const RunningElsewhere = ({ prompt, experimentKey }: { prompt: string | undefined; experimentKey?: string }) => {
  const translate = useTranslate();
  const served = useResourceRead<{ experiment: string; fallback: boolean }[]>(
    'prompts',
    prompt || undefined,
    prompt ? 'experiments' : undefined,
  ).data;
  const other = served?.find((s) => !s.fallback && s.experiment !== experimentKey)?.experiment;
  // Named as analysts know it, and one click away.
  const { data: running } = useGetOne<{ id: string; name: string }>(
    'experiments',
    { id: other ?? '' },
    { enabled: Boolean(other) },
  );
  if (!other) return null;
  return (
    <Alert severity="warning" sx={{ mt: 1 }} data-testid="experiment-running-elsewhere">
      {translate('gabarit.experiments.running_elsewhere', { experiment: running?.name ?? other })}{' '}
      <Link to={`/experiments/${encodeURIComponent(other)}/show`}>{translate('gabarit.experiments.open_running')}</Link>
    </Alert>
  );
};

/**
 * Said in the publish dialog of an experiment's version: publishing it while another experiment runs on its prompt
 * is refused, and the approver learns which one before, not from the refusal.
 */
export const RunningElsewhereOnPublish = ({ experimentKey, version }: { experimentKey: string; version: number }) => {
  const { data } = useResourceRead<{ content?: { prompt?: string } }>(
    'experiments',
    experimentKey,
    `versions/${version}`,
  );
  return <RunningElsewhere prompt={data?.content?.prompt} experimentKey={experimentKey} />;
};
