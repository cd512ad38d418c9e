import { Box, Typography, useTheme } from '@mui/material';
import { BarChart, useXScale, useYScale } from '@mui/x-charts';
import { useId } from 'react';
import { formatRate, type Translate, type VariantResult } from './format';
import { chartFocusRing } from '../common/chart-focus';

/** The 95 % interval of each bar as a whisker: a vertical line from the low to the high bound, with caps. */
const Whiskers = ({ variants }: { variants: VariantResult[] }) => {
  const x = useXScale<'band'>();
  const y = useYScale<'linear'>();
  const theme = useTheme();
  const cap = Math.min(14, x.bandwidth() / 6);
  return (
    <g aria-hidden="true" stroke={theme.palette.text.primary} strokeWidth={2}>
      {/* A variant not served yet has no interval to draw ([0, 1] says nothing is known). */}
      {variants
        .filter((v) => v.exposures > 0)
        .map((v) => {
          const centre = (x(v.name) ?? 0) + x.bandwidth() / 2;
          const top = y(v.ci95[1] * 100);
          const bottom = y(v.ci95[0] * 100);
          return (
            <g key={v.name}>
              <line x1={centre} x2={centre} y1={top} y2={bottom} />
              <line x1={centre - cap} x2={centre + cap} y1={top} y2={top} />
              <line x1={centre - cap} x2={centre + cap} y1={bottom} y2={bottom} />
            </g>
          );
        })}
    </g>
  );
};

/** The positive-feedback rate of each variant as a bar with its 95 % interval; the table below carries the same numbers. */
export const RatesChart = ({
  variants,
  locale,
  translate,
}: {
  variants: VariantResult[];
  locale: string;
  translate: Translate;
}) => {
  const titleId = useId();
  const axisPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const noteId = useId();
  const highest = Math.max(0, ...variants.filter((v) => v.exposures > 0).map((v) => v.ci95[1]));
  // Round the axis up to the next 10 % so the whiskers never touch the top.
  const max = Math.min(100, Math.ceil((highest * 100 + 5) / 10) * 10);
  return (
    <Box
      component="figure"
      aria-labelledby={titleId}
      aria-describedby={noteId}
      sx={{ m: 0, mt: 2, maxWidth: 720, ...chartFocusRing }}
    >
      <Typography id={titleId} component="figcaption" variant="subtitle1">
        {translate('gabarit.experiments.results.chart_title')}
      </Typography>
      <BarChart
        height={300}
        hideLegend
        // No animation: a bar growing while the whiskers are already in place misstates the rate for a moment.
        skipAnimation
        xAxis={[
          {
            scaleType: 'band',
            data: variants.map((v) => v.name),
            label: translate('gabarit.experiments.results.variant'),
          },
        ]}
        yAxis={[
          {
            min: 0,
            max,
            width: 64,
            label: translate('gabarit.experiments.results.rate'),
            valueFormatter: (value: number) => axisPercent.format(value / 100),
          },
        ]}
        series={[
          {
            data: variants.map((v) => (v.rate === null ? null : v.rate * 100)),
            label: translate('gabarit.experiments.results.rate'),
            // Each bar says its variant and interval: a bar reached by the arrow keys had read « Taux; 37,8 % »,
            // without which variant (a console review).
            valueFormatter: (value, { dataIndex }) => {
              const v = variants[dataIndex];
              if (value === null || v === undefined) return '';
              return translate('gabarit.experiments.results.chart_item', {
                variant: v.name,
                rate: formatRate(value / 100, locale),
                low: formatRate(v.ci95[0], locale),
                high: formatRate(v.ci95[1], locale),
              });
            },
          },
        ]}
      >
        <Whiskers variants={variants} />
      </BarChart>
      <Typography id={noteId} variant="caption">
        {translate('gabarit.experiments.results.chart_note')}
      </Typography>
    </Box>
  );
};
