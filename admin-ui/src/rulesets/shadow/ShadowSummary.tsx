import { Alert, AlertTitle } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { formatRate } from '../../experiments/format';
import { useShadowReport, type ShadowableVersion } from './use-shadow';

/**
 * The shadow run of a version as a card beside its tests and replay (the review screen): running or ended, its
 * figures, and a link to the Shadow tab with the whole report. Nothing for a draft, nor for a version that may
 * not run in shadow and never did.
 */
export const ShadowSummary = ({ rulesetKey, version }: { rulesetKey: string; version: ShadowableVersion }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { status } = version;
  const readable = status !== 'draft';
  const { report } = useShadowReport(rulesetKey, readable ? version : undefined, false);
  const underReview = status === 'in_review' || status === 'approved';
  if (!readable || report === undefined || (report === null && !underReview)) return null;
  const link = (
    <Link to={`/rulesets/${encodeURIComponent(rulesetKey)}/show/shadow?version=${version.number}`}>
      {translate('gabarit.shadow.open_report')}
    </Link>
  );
  return (
    <Alert
      severity={report && (report.errors ?? 0) > 0 ? 'error' : report && report.diverged > 0 ? 'warning' : 'info'}
      sx={{ mt: 2 }}
      data-testid="shadow-summary"
      role="status"
    >
      <AlertTitle>{translate('gabarit.shadow.summary_title')}</AlertTitle>
      {report
        ? translate('gabarit.shadow.summary', {
            status: translate(report.running ? 'gabarit.shadow.running' : 'gabarit.shadow.ended'),
            compared: report.compared,
            diverged: report.diverged,
            rate: report.rate === undefined || report.compared === 0 ? '—' : formatRate(report.rate, locale),
          })
        : translate('gabarit.shadow.summary_never', { version: version.number })}{' '}
      {/* Failures are counted among the different decisions: said apart, they are a broken version, not a change. */}
      {report &&
        (report.errors ?? 0) > 0 &&
        `${translate('gabarit.shadow.summary_errors', { smart_count: report.errors })} `}
      {/* Figures against a version no longer in force say nothing of what publishing would change now. */}
      {report &&
        report.comparedWith !== null &&
        report.comparedWith !== report.activeVersion &&
        `${translate('gabarit.shadow.summary_against', { version: report.comparedWith })} `}
      {link}
    </Alert>
  );
};
