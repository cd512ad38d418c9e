import {
  Alert,
  Box,
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../../common/dates';
import { usePersonName } from '../../common/people';
import { formatRate } from '../../experiments/format';
import { ShadowExamples } from './ShadowExamples';
import { TransitionsChart } from './TransitionsChart';
import { LIVE_REFRESH_MS, type ShadowReport as Report } from './use-shadow';
import { transitionWords } from '../../common/outcomes';
import { blocksOnPhone, PhoneLabel } from '../../common/PhoneLabel';

/** A shadow run's report: whether it runs (or why and when it ended), its figures, the transitions, examples. */
export const ShadowReport = ({
  report,
  locale,
  rulesetKey,
  paused = false,
  onPause,
}: {
  report: Report;
  locale: string;
  rulesetKey: string;
  /** The running report is not read again until resumed: its figures hold still for whoever reads them. */
  paused?: boolean;
  onPause?: (paused: boolean) => void;
}) => {
  const translate = useTranslate();
  const personName = usePersonName();
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-CA' : 'fr-CA');
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    report.percent / 100,
  );
  const interval = (bounds?: number[]) =>
    bounds && bounds.length === 2
      ? translate('gabarit.shadow.interval_value', {
          low: formatRate(bounds[0]!, locale),
          high: formatRate(bounds[1]!, locale),
        })
      : '—';
  const date = (value?: string) => (value ? formatDateTime(value, locale) : '—');
  const transitions = Object.entries(report.byTransition).sort(([, a], [, b]) => b - a);
  const figures: [string, string][] = [
    ['compared', number.format(report.compared)],
    ['diverged', number.format(report.diverged)],
    [
      'rate',
      // With nothing compared yet there is no rate, and no interval to give (the API says 0 in [0, 1], from 0 of 0).
      report.rate === undefined || report.compared === 0
        ? '—'
        : translate('gabarit.shadow.rate_value', {
            rate: formatRate(report.rate, locale),
            interval: interval(report.interval),
          }),
    ],
    ['shed', number.format(report.shed ?? 0)],
    ['errors', number.format(report.errors ?? 0)],
  ];
  return (
    <Box data-testid="shadow-report">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 2 }}>
        <Chip
          size="small"
          color={report.running ? 'success' : 'default'}
          label={translate(report.running ? 'gabarit.shadow.running' : 'gabarit.shadow.ended')}
        />
        <Typography variant="body2" data-testid="shadow-state">
          {report.running
            ? translate('gabarit.shadow.running_since', {
                date: date(report.startedAt),
                percent,
                by: report.startedBy ? personName(report.startedBy) : '—',
              })
            : translate('gabarit.shadow.ended_on', {
                date: date(report.stoppedAt),
                reason: translate(`gabarit.shadow.ended_by.${report.endedBy ?? 'stopped'}`),
                started: date(report.startedAt),
                by: report.startedBy ? personName(report.startedBy) : '—',
                percent,
              })}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {report.comparedWith === null
          ? translate('gabarit.shadow.against_none')
          : report.comparedWith === report.activeVersion
            ? translate('gabarit.shadow.against', { version: report.comparedWith })
            : translate('gabarit.shadow.against_then', { version: report.comparedWith })}{' '}
        {report.running &&
          (paused
            ? translate('gabarit.shadow.live_paused')
            : translate('gabarit.shadow.live', { seconds: LIVE_REFRESH_MS / 1000 }))}
        {/* Figures that change under a reader's eyes or a screen reader's cursor can be held still (WCAG 2.2.2). */}
        {report.running && onPause && (
          <Button size="small" sx={{ ml: 1 }} onClick={() => onPause(!paused)}>
            {translate(paused ? 'gabarit.shadow.resume_updates' : 'gabarit.shadow.pause_updates')}
          </Button>
        )}
      </Typography>
      {/* Another version decides now: the run compares nothing more, and its figures are about the earlier one. */}
      {report.running && report.comparedWith !== null && report.comparedWith !== report.activeVersion && (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="shadow-superseded">
          {translate(report.activeVersion === null ? 'gabarit.shadow.superseded_none' : 'gabarit.shadow.superseded', {
            version: report.comparedWith,
            active: report.activeVersion,
          })}
        </Alert>
      )}

      <TableContainer sx={{ mt: 2, maxWidth: 900 }}>
        <Table size="small" aria-label={translate('gabarit.shadow.figures')}>
          <TableBody>
            {figures.map(([key, value]) => (
              <TableRow key={key}>
                <TableCell component="th" scope="row">
                  {translate(`gabarit.shadow.${key}`)}
                </TableCell>
                <TableCell data-testid={`shadow-${key}`}>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>

      {transitions.length === 0 ? (
        <Alert severity="info" role="status" sx={{ mt: 2 }}>
          {translate('gabarit.shadow.no_divergence')}
        </Alert>
      ) : (
        <>
          <TransitionsChart byTransition={report.byTransition} locale={locale} translate={translate} />
          <TableContainer sx={{ mt: 2, maxWidth: 900 }}>
            <Table size="small" aria-label={translate('gabarit.shadow.transitions')} sx={blocksOnPhone}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('gabarit.shadow.transition')}</TableCell>
                  <TableCell align="right">{translate('gabarit.shadow.count')}</TableCell>
                  <TableCell align="right">{translate('gabarit.shadow.transition_rate')}</TableCell>
                  <TableCell>{translate('gabarit.shadow.interval')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {transitions.map(([transition, count]) => {
                  const rate = report.rates?.[transition];
                  return (
                    <TableRow key={transition}>
                      <TableCell title={transition}>{transitionWords(transition, translate)}</TableCell>
                      <TableCell align="right">
                        <PhoneLabel>{translate('gabarit.shadow.count')}</PhoneLabel>
                        {number.format(count)}
                      </TableCell>
                      <TableCell align="right">
                        <PhoneLabel>{translate('gabarit.shadow.transition_rate')}</PhoneLabel>
                        {rate ? formatRate(rate.rate, locale) : '—'}
                      </TableCell>
                      <TableCell>
                        <PhoneLabel>{translate('gabarit.shadow.interval')}</PhoneLabel>
                        {interval(rate?.interval)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}

      {report.examples.length > 0 && <ShadowExamples report={report} rulesetKey={rulesetKey} />}
    </Box>
  );
};
