import { Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { blocksOnPhone, PhoneLabel } from '../common/PhoneLabel';
import { formatP, formatRate, scoped, weightShares, type ResultsViewProps } from './format';

/** Every number behind the chart and the verdict, one row per variant (the control first). */
export const ResultsTable = ({ results, locale, translate }: ResultsViewProps) => {
  const t = scoped(translate, 'gabarit.experiments.results');
  const count = new Intl.NumberFormat(locale);
  const shares = weightShares(results.variants.map((v) => v.weight));
  const pFor = new Map(results.comparison.byVariant.map((c) => [c.name, c.pValue]));
  const headers = ['variant', 'version', 'weight', 'exposures', 'conversions', 'rate', 'ci95', 'p_value', 'guardrails'];
  return (
    <TableContainer sx={{ mt: 2 }}>
      <Table size="small" sx={blocksOnPhone}>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{t('table_caption')}</caption>
        <TableHead>
          <TableRow>
            {headers.map((h) => (
              <TableCell
                key={h}
                component="th"
                scope="col"
                align={h === 'variant' || h === 'guardrails' ? 'left' : 'right'}
              >
                {t(h)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {results.variants.map((v, i) => {
            const controlServed = results.variants.some(
              (c) => c.name === results.comparison.control && c.exposures > 0,
            );
            const isControl = v.name === results.comparison.control;
            const p = pFor.get(v.name);
            const served = v.exposures > 0;
            return (
              <TableRow key={v.name}>
                <TableCell component="th" scope="row">
                  <strong>{v.name}</strong>
                  {isControl && ` (${translate('gabarit.experiments.control')})`}
                </TableCell>
                <TableCell align="right">
                  <PhoneLabel>{t('version')}</PhoneLabel>
                  {v.version}
                </TableCell>
                <TableCell align="right">
                  <PhoneLabel>{t('weight')}</PhoneLabel>
                  {new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(shares[i] ?? 0)}
                </TableCell>
                <TableCell align="right">
                  <PhoneLabel>{t('exposures')}</PhoneLabel>
                  {count.format(v.exposures)}
                </TableCell>
                <TableCell align="right">
                  <PhoneLabel>{t('conversions')}</PhoneLabel>
                  {count.format(v.conversions)}
                </TableCell>
                {/* Before its first answer a variant has no rate, interval or p: « — », not 0 % or p = 1. */}
                <TableCell align="right">
                  <PhoneLabel>{t('rate')}</PhoneLabel>
                  {v.rate !== null ? formatRate(v.rate, locale) : '—'}
                </TableCell>
                <TableCell align="right">
                  <PhoneLabel>{t('ci95')}</PhoneLabel>
                  {served
                    ? t('ci_range', { low: formatRate(v.ci95[0], locale), high: formatRate(v.ci95[1], locale) })
                    : '—'}
                </TableCell>
                <TableCell align="right">
                  <PhoneLabel>{t('p_value')}</PhoneLabel>
                  {isControl || p === undefined || !served || !controlServed ? '—' : formatP(p, locale, translate)}
                </TableCell>
                {/* The state alone: each measure and its threshold are in the guardrails table below, and beside the
                    chip they pushed this column out of a 1 024-pixel screen. */}
                <TableCell>
                  <PhoneLabel>{t('guardrails')}</PhoneLabel>
                  <Chip
                    size="small"
                    variant={v.guardrailBreached ? 'filled' : 'outlined'}
                    color={v.guardrailBreached ? 'error' : 'default'}
                    label={t(v.guardrailBreached ? 'guardrail_breached' : served ? 'guardrail_ok' : 'no_data')}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
