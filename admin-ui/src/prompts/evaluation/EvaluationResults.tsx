import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { components } from '../../api/schema.gen';

export type EvaluationRun = components['schemas']['EvaluationRunView'];
type CaseSide = NonNullable<EvaluationRun['cases'][number]['candidate']>;
type Side = 'candidate' | 'inForce';

/** Cases the service runs at once (server: prompts/evaluation/evaluation.service.ts CONCURRENCY). */
const EVALUATION_CONCURRENCY = 4;

const percent = (locale: string, x: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x);
const decimal = (locale: string, x: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(x);
const dollars = (locale: string, x: number) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 4 }).format(x);

/** The figures of a run, both sides: pass rate (Wilson 95 %), mean score (t 95 %), cases, cost, latency. */
export const EvaluationSummary = ({ run }: { run: EvaluationRun }) => {
  const translate = useTranslate();
  const [locale = 'fr'] = useLocaleState();
  const sides: Side[] = run.inForceVersion === null ? ['candidate'] : ['candidate', 'inForce'];
  const versionOf = (side: Side) => (side === 'candidate' ? run.version : run.inForceVersion!);
  const rate = (side: Side) => {
    const r = run.passRate[side];
    if (!r) return '—';
    return translate('gabarit.evaluations.rate_with_interval', {
      rate: percent(locale, r.rate),
      low: percent(locale, r.interval[0]!),
      high: percent(locale, r.interval[1]!),
    });
  };
  const score = (side: Side) => {
    const s = run.scores[side];
    if (!s) return '—';
    return s.interval
      ? translate('gabarit.evaluations.score_with_interval', {
          mean: decimal(locale, s.mean),
          low: decimal(locale, s.interval[0]!),
          high: decimal(locale, s.interval[1]!),
          smart_count: s.n,
        })
      : translate('gabarit.evaluations.score_alone', { mean: decimal(locale, s.mean), smart_count: s.n });
  };
  const counts = (side: Side) => {
    const s = run.summary?.[side];
    return s
      ? translate('gabarit.evaluations.case_counts', {
          // Each count agrees with its own word (« 1 réussi », « 2 réussis »): one plural per message.
          passed: translate('gabarit.evaluations.case_passed', { smart_count: s.passed }),
          failed: translate('gabarit.evaluations.case_failed', { smart_count: s.failed }),
          errors: s.errors,
          skipped: translate('gabarit.evaluations.case_skipped', { smart_count: s.skipped }),
        })
      : '—';
  };
  const latency = (side: Side) => {
    const l = run.latency[side];
    return l
      ? translate('gabarit.evaluations.latency_value', { mean: Math.round(l.mean), max: Math.round(l.max) })
      : '—';
  };
  const cost = (side: Side) => dollars(locale, side === 'candidate' ? run.cost.candidateUsd : run.cost.inForceUsd);
  const rows: [string, (side: Side) => string][] = [
    ['pass_rate', rate],
    ['mean_score', score],
    ['cases', counts],
    ['cost', cost],
    ['latency', latency],
  ];
  return (
    <Box>
      {!run.budgetExhausted && run.tokensUsed > run.budgetTokens && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('gabarit.evaluations.budget_overrun', {
            used: count(locale, run.tokensUsed),
            budget: count(locale, run.budgetTokens),
            concurrency: EVALUATION_CONCURRENCY,
          })}
        </Alert>
      )}
      {run.budgetExhausted && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('gabarit.evaluations.budget_exhausted', {
            used: count(locale, run.tokensUsed),
            budget: count(locale, run.budgetTokens),
          })}
        </Alert>
      )}
      {(run.stoppedBy === 'time' || run.stoppedBy === 'caller_gone') && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate(`gabarit.evaluations.stopped_${run.stoppedBy}`)}
        </Alert>
      )}
      <Table size="small" aria-label={translate('gabarit.evaluations.summary_title', { set: run.set })}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('gabarit.evaluations.measure')}</TableCell>
            {sides.map((side) => (
              <TableCell key={side}>
                {translate(`gabarit.evaluations.side_${side}`, { version: versionOf(side) })}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(([name, value]) => (
            <TableRow key={name}>
              <TableCell component="th" scope="row">
                {translate(`gabarit.evaluations.${name}`)}
              </TableCell>
              {sides.map((side) => (
                <TableCell key={side}>{value(side)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption">
        {translate('gabarit.evaluations.total', {
          cost: dollars(locale, run.cost.totalUsd),
          tokens: count(locale, run.tokensUsed),
          budget: count(locale, run.budgetTokens),
        })}
      </Typography>
    </Box>
  );
};

type CheckResult = CaseSide['checks'][number];

/** Why a check failed, in the console's language; runs stored before reasons were codes have the server's English. */
function whyFailed(check: CheckResult, translate: ReturnType<typeof useTranslate>, locale: string): string | undefined {
  const reason = check.reason;
  if (!reason) return check.message;
  const { code, length, limit, ...rest } = reason;
  const counts =
    length !== undefined && limit !== undefined
      ? { length: count(locale, length), limit: count(locale, limit), smart_count: length }
      : {};
  return translate(`gabarit.evaluations.check_reasons.${code}`, { ...rest, ...counts, _: check.message });
}

const count = (locale: string, x: number) => new Intl.NumberFormat(locale).format(x);

const Outcome = ({ side }: { side: CaseSide }) => {
  const translate = useTranslate();
  const [locale = 'fr'] = useLocaleState();
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        {side.passed ? (
          <CheckCircleIcon color="success" fontSize="small" />
        ) : (
          <CancelIcon color="error" fontSize="small" />
        )}
        <span>{translate(side.passed ? 'gabarit.evaluations.passed' : 'gabarit.evaluations.failed')}</span>
        <Typography variant="caption">
          {translate('gabarit.evaluations.case_cost', {
            tokens: count(locale, (side.tokens?.input ?? 0) + (side.tokens?.output ?? 0)),
            cost: dollars(locale, side.costUsd ?? 0),
            latency: side.latencyMs ?? 0,
          })}
        </Typography>
      </Stack>
      {side.output !== undefined && (
        <Box
          component="pre"
          sx={{ whiteSpace: 'pre-wrap', m: 0, p: 1, bgcolor: 'action.hover', fontSize: '0.8rem', maxHeight: 200 }}
          tabIndex={0}
        >
          {side.output}
        </Box>
      )}
      {side.outputLength !== undefined && (
        <Typography variant="caption" component="p">
          {translate('gabarit.evaluations.output_shortened', { length: count(locale, side.outputLength) })}
        </Typography>
      )}
      {side.error && (
        <Alert severity="error" sx={{ mt: 0.5 }}>
          {side.error}
        </Alert>
      )}
      <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', mt: 0.5 }} useFlexGap>
        {side.checks.map((check, i) => (
          <Chip
            key={i}
            size="small"
            variant="outlined"
            color={check.passed ? 'success' : 'error'}
            label={translate('gabarit.evaluations.check_label', {
              type: translate(`gabarit.evaluations.check_types.${check.type}`, { _: check.type }),
              outcome: translate(check.passed ? 'gabarit.evaluations.passed' : 'gabarit.evaluations.failed'),
              score: check.score !== undefined ? ` (${check.score}/5)` : '',
            })}
            title={whyFailed(check, translate, locale)}
          />
        ))}
      </Stack>
      {side.checks.some((c) => c.message || c.reason) && (
        <Typography variant="caption" component="ul" sx={{ m: 0, pl: 2 }}>
          {side.checks
            .filter((c) => c.message || c.reason)
            .map((c, i) => (
              <li key={i}>{whyFailed(c, translate, locale)}</li>
            ))}
        </Typography>
      )}
    </Box>
  );
};

/** Each case side by side: the version evaluated and the version in force, outputs and check results. */
export const EvaluationCases = ({ run }: { run: EvaluationRun }) => {
  const translate = useTranslate();
  const both = run.inForceVersion !== null;
  return (
    <Table size="small" aria-label={translate('gabarit.evaluations.cases_title')} sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '18%' }}>{translate('gabarit.evaluations.case')}</TableCell>
          <TableCell>{translate('gabarit.evaluations.side_candidate', { version: run.version })}</TableCell>
          {both && (
            <TableCell>{translate('gabarit.evaluations.side_inForce', { version: run.inForceVersion })}</TableCell>
          )}
        </TableRow>
      </TableHead>
      <TableBody>
        {run.cases.map((c) => (
          <TableRow key={c.index} sx={{ verticalAlign: 'top' }}>
            <TableCell>
              <Typography variant="body2">
                {c.name ?? translate('gabarit.evaluations.case_n', { n: c.index + 1 })}
              </Typography>
              <Typography variant="caption" component="code" sx={{ wordBreak: 'break-word' }}>
                {JSON.stringify(c.variables)}
              </Typography>
            </TableCell>
            {c.skipped ? (
              <TableCell colSpan={both ? 2 : 1}>{translate(`gabarit.evaluations.skipped_${c.skipped}`)}</TableCell>
            ) : (
              <>
                <TableCell>{c.candidate && <Outcome side={c.candidate} />}</TableCell>
                {both && <TableCell>{c.inForce && <Outcome side={c.inForce} />}</TableCell>}
              </>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
