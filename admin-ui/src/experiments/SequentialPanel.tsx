import {
  Alert,
  AlertTitle,
  Box,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableRow,
  Typography,
} from '@mui/material';
import { ChartsReferenceLine, LineChart } from '@mui/x-charts';
import { useId } from 'react';
import { ColumnHeaders } from '../common/ColumnHeaders';
import { blocksOnPhone, PhoneLabel } from '../common/PhoneLabel';
import {
  formatGuardrailValue,
  formatP,
  formatPoints,
  formatProbability,
  scoped,
  type BoundaryPoint,
  type ResultsViewProps,
  type Translate,
} from './format';
import { chartFocusRing } from '../common/chart-focus';

const SEQUENTIAL = 'gabarit.experiments.sequential';

// Above its table, as the results table's: under it, on a phone, it read as the title of the table that follows.
const CAPTION_ABOVE = { captionSide: 'top', textAlign: 'left', padding: '4px 0' } as const;

/**
 * The results that stay valid however often they are read (docs/adr/0029): for each variant against the control,
 * the always-valid p-value and confidence sequence of the difference, the probability to beat the control, and
 * whether the experiment may stop; the minimum sample; the guardrails.
 */
export const SequentialPanel = ({ results, locale, translate }: ResultsViewProps) => {
  const t = scoped(translate, SEQUENTIAL);
  const control = results.comparison.control;
  const rows = results.comparison.byVariant.filter((c) => c.sequential);
  const minimum = results.minimumSample;
  return (
    <Box component="section" aria-labelledby="sequential-title" sx={{ mt: 3 }} data-testid="sequential-panel">
      <Typography id="sequential-title" variant="h3" sx={{ fontSize: '1.1rem' }}>
        {t('title')}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, maxWidth: 900 }}>
        {t('intro')}
      </Typography>
      {minimum && !minimum.reached && (
        // Information, not an alarm: MUI's default role="alert" had it announced at once on every visit (a review).
        <Alert severity="info" role="note" sx={{ mt: 2 }} data-testid="minimum-sample">
          {t('not_enough', {
            min: new Intl.NumberFormat(locale).format(minimum.perVariant),
            counts: results.variants
              .map((v) => `${v.name} ${new Intl.NumberFormat(locale).format(v.exposures)}`)
              .join(', '),
          })}
        </Alert>
      )}
      {rows.length > 0 && (
        <TableContainer sx={{ mt: 2, maxWidth: 1000 }}>
          {/* Blocks on a phone, like the results table: of six columns, four fitted and the verdict was off the screen. */}
          <Table size="small" sx={blocksOnPhone}>
            <caption style={CAPTION_ABOVE}>{t('table_caption', { control })}</caption>
            <ColumnHeaders
              labels={[
                translate('gabarit.experiments.results.variant'),
                t('difference'),
                t('confidence_sequence'),
                t('p_value'),
                t('probability'),
                t('can_stop'),
              ]}
            />
            <TableBody>
              {rows.map((row) => {
                const seq = row.sequential!;
                const last = row.boundary?.at(-1);
                // Until both the variant and the control have answered, there is nothing to infer: « — », not p = 1.
                const measured = [row.name, control].every((name) =>
                  results.variants.some((v) => v.name === name && v.exposures > 0),
                );
                return (
                  <TableRow key={row.name}>
                    <TableCell component="th" scope="row">
                      {row.name}
                    </TableCell>
                    <TableCell>
                      <PhoneLabel>{t('difference')}</PhoneLabel>
                      {last ? formatPoints(last.difference, locale, translate) : '—'}
                    </TableCell>
                    <TableCell>
                      <PhoneLabel>{t('confidence_sequence')}</PhoneLabel>
                      {measured
                        ? t('range', {
                            low: formatPoints(seq.confidenceSequence[0], locale, translate),
                            high: formatPoints(seq.confidenceSequence[1], locale, translate),
                          })
                        : '—'}
                    </TableCell>
                    <TableCell>
                      <PhoneLabel>{t('p_value')}</PhoneLabel>
                      {measured ? formatP(seq.pValue, locale, translate) : '—'}
                    </TableCell>
                    <TableCell>
                      <PhoneLabel>{t('probability')}</PhoneLabel>
                      {measured ? formatProbability(row.probabilityToBeatControl ?? 0.5, locale, translate) : '—'}
                    </TableCell>
                    <TableCell>
                      <PhoneLabel>{t('can_stop')}</PhoneLabel>
                      <Chip
                        size="small"
                        color={seq.canStop ? 'success' : 'default'}
                        variant={seq.canStop ? 'filled' : 'outlined'}
                        label={t(
                          seq.canStop ? 'stop_yes' : minimum && !minimum.reached ? 'stop_not_enough' : 'stop_no',
                        )}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {rows.map(
        (row) =>
          row.boundary &&
          row.boundary.length > 0 && (
            <BoundaryChart
              key={row.name}
              variant={row.name}
              control={control}
              points={row.boundary}
              locale={locale}
              translate={translate}
            />
          ),
      )}
      {results.guardrails && results.guardrails.length > 0 && (
        <TableContainer sx={{ mt: 2, maxWidth: 1000 }}>
          <Table size="small" data-testid="guardrails" sx={blocksOnPhone}>
            <caption style={CAPTION_ABOVE}>{t('guardrails_caption')}</caption>
            <ColumnHeaders
              labels={[
                translate('gabarit.experiments.results.variant'),
                t('metric'),
                t('value'),
                t('threshold'),
                t('status'),
              ]}
            />
            <TableBody>
              {results.guardrails.map((g) => (
                <TableRow key={`${g.variant}/${g.metric}`}>
                  <TableCell component="th" scope="row">
                    {g.variant}
                  </TableCell>
                  <TableCell>
                    <PhoneLabel>{t('metric')}</PhoneLabel>
                    {t(`metrics.${g.metric}`)}
                  </TableCell>
                  <TableCell>
                    <PhoneLabel>{t('value')}</PhoneLabel>
                    {g.value === null ? t('no_value') : formatGuardrailValue(g.metric, g.value, locale)}
                  </TableCell>
                  <TableCell>
                    <PhoneLabel>{t('threshold')}</PhoneLabel>
                    {formatGuardrailValue(g.metric, g.threshold, locale)}
                  </TableCell>
                  <TableCell>
                    <PhoneLabel>{t('status')}</PhoneLabel>
                    <Chip
                      size="small"
                      variant={g.breached ? 'filled' : 'outlined'}
                      color={g.breached ? 'error' : 'default'}
                      label={t(g.breached ? 'breached' : g.value === null ? 'no_data' : 'within')}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
};

/** Why the service stopped the experiment itself, and what everyone is served since. */
export const HaltAlert = ({ results, locale, translate }: ResultsViewProps) => {
  const t = scoped(translate, SEQUENTIAL);
  return (
    <>
      {results.halt && (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="experiment-halt">
          <AlertTitle>{t('halt_title')}</AlertTitle>
          {results.halt.reason === 'srm'
            ? t('halt_srm', {
                p: formatP(results.halt.value, locale, translate),
                control: results.halt.fallback.variant,
                version: results.halt.fallback.version,
              })
            : t('halt_guardrail', {
                metric: t(`metrics.${results.halt.metric}`),
                variant: results.halt.variant ?? '',
                value: formatGuardrailValue(results.halt.metric as never, results.halt.value, locale),
                threshold: formatGuardrailValue(results.halt.metric as never, results.halt.threshold, locale),
                control: results.halt.fallback.variant,
                version: results.halt.fallback.version,
              })}
        </Alert>
      )}
    </>
  );
};

/**
 * The confidence sequence of the difference (variant − control) as the subjects came in: it only narrows; once
 * it leaves 0 the difference is shown, whenever one looked.
 */
const BoundaryChart = ({
  variant,
  control,
  points,
  locale,
  translate,
}: {
  variant: string;
  control: string;
  points: BoundaryPoint[];
  locale: string;
  translate: Translate;
}) => {
  const titleId = useId();
  const noteId = useId();
  const t = scoped(translate, SEQUENTIAL);
  const axis = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  // The tooltip and what a screen reader hears say the true value, not where the line is drawn: a bound of ±100
  // points drawn on a ±30 edge had read « +30,0 pts », narrower than known (a console review).
  const truly =
    (of: (p: BoundaryPoint) => number) =>
    (_drawn: number | null, { dataIndex }: { dataIndex: number }) => {
      const point = points[dataIndex];
      return point === undefined ? '' : formatPoints(of(point), locale, translate);
    };
  // The first looks are very wide (up to ±100 points): the axis spans the observed differences with room around
  // them, and a bound beyond it is drawn on its edge.
  const widest = Math.max(...points.map((p) => Math.abs(p.difference) * 100));
  const edge = Math.min(100, Math.max(20, Math.ceil((widest + 15) / 10) * 10));
  const clamp = (v: number) => Math.max(-edge, Math.min(edge, v * 100));
  return (
    <Box
      component="figure"
      aria-labelledby={titleId}
      aria-describedby={noteId}
      sx={{ m: 0, mt: 2, maxWidth: 720, ...chartFocusRing }}
      data-testid="sequential-boundary"
    >
      <Typography id={titleId} component="figcaption" variant="subtitle1">
        {t('chart_title', { variant, control })}
      </Typography>
      <LineChart
        height={280}
        skipAnimation
        xAxis={[
          {
            data: points.map((p) => p.subjects),
            label: t('chart_subjects'),
            valueFormatter: (v: number) => new Intl.NumberFormat(locale).format(v),
          },
        ]}
        yAxis={[
          {
            min: -edge,
            max: edge,
            width: 64,
            label: t('chart_difference'),
            valueFormatter: (v: number) => axis.format(v),
          },
        ]}
        series={[
          {
            data: points.map((p) => clamp(p.confidenceSequence[1])),
            label: t('chart_high'),
            curve: 'linear',
            showMark: false,
            valueFormatter: truly((p) => p.confidenceSequence[1]),
          },
          {
            data: points.map((p) => clamp(p.difference)),
            label: t('chart_observed'),
            curve: 'linear',
            valueFormatter: truly((p) => p.difference),
          },
          {
            data: points.map((p) => clamp(p.confidenceSequence[0])),
            label: t('chart_low'),
            curve: 'linear',
            showMark: false,
            valueFormatter: truly((p) => p.confidenceSequence[0]),
          },
        ]}
      >
        <ChartsReferenceLine y={0} label={t('chart_zero')} labelAlign="end" lineStyle={{ strokeDasharray: '6 4' }} />
      </LineChart>
      <Typography id={noteId} variant="caption">
        {t('chart_note')}
      </Typography>
    </Box>
  );
};
