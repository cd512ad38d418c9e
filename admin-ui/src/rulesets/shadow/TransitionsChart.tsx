import { Box, Typography, useMediaQuery, type Theme } from '@mui/material';
import { BarChart } from '@mui/x-charts';
import { useId } from 'react';
import type { Translate } from '../../experiments/format';
import { transitionWords } from '../../common/outcomes';
import { chartFocusRing } from '../../common/chart-focus';

/**
 * The divergent evaluations of a shadow run as one horizontal bar per transition (`auto_approve → manual_review`),
 * longest first; the table beside it carries the same numbers with their rates and intervals.
 */
export const TransitionsChart = ({
  byTransition,
  locale,
  translate,
}: {
  byTransition: Record<string, number>;
  locale: string;
  translate: Translate;
}) => {
  const titleId = useId();
  const noteId = useId();
  // Each transition in words (« Approuvée automatiquement → Transmise à … »), as the report's table says it.
  const rows = Object.entries(byTransition)
    .sort(([, a], [, b]) => b - a)
    .map(([transition, n]) => [transitionWords(transition, translate), n] as const);
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const longest = Math.max(...rows.map(([transition]) => transition.length));
  // On a phone the figure is about 350 px wide: an axis as wide as the words left the bars no room at all, and
  // labels cut to fit read alike (« Acheminée pour appro… » twice, a console review). There the bars are numbered,
  // and the numbered list under the chart gives each transition whole.
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <Box
      component="figure"
      aria-labelledby={titleId}
      aria-describedby={noteId}
      sx={{ m: 0, mt: 2, maxWidth: 900, ...chartFocusRing }}
    >
      <Typography id={titleId} component="figcaption" variant="subtitle1">
        {translate('gabarit.shadow.chart_title')}
      </Typography>
      <BarChart
        layout="horizontal"
        height={90 + 48 * rows.length}
        hideLegend
        skipAnimation
        yAxis={[
          {
            scaleType: 'band',
            data: rows.map(([transition], i) => (phone ? String(i + 1) : transition)),
            // Transitions are read whole: the axis is as wide as the longest one (about 7 px a character); in words
            // they are long, so the bars keep at least a third of the figure.
            width: phone ? 32 : Math.min(580, 24 + longest * 7),
          },
        ]}
        xAxis={[
          {
            min: 0,
            tickMinStep: 1,
            label: translate('gabarit.shadow.chart_axis'),
            valueFormatter: (value: number) => count.format(value),
          },
        ]}
        series={[
          {
            data: rows.map(([, n]) => n),
            label: translate('gabarit.shadow.count'),
            // Each bar says its transition, as the numbered list does: « Évaluations; 24 » had not (a console review).
            valueFormatter: (value, { dataIndex }) =>
              value === null
                ? ''
                : translate('gabarit.shadow.chart_key', {
                    transition: rows[dataIndex]?.[0] ?? '',
                    count: count.format(value),
                  }),
          },
        ]}
      />
      {phone && (
        <Box component="ol" sx={{ mt: 0, mb: 1, pl: 3 }} data-testid="transitions-key">
          {rows.map(([transition, n]) => (
            <Typography component="li" variant="body2" key={transition}>
              {translate('gabarit.shadow.chart_key', { transition, count: count.format(n) })}
            </Typography>
          ))}
        </Box>
      )}
      <Typography id={noteId} variant="caption">
        {translate('gabarit.shadow.chart_note')}
      </Typography>
    </Box>
  );
};
