import { Box, Typography } from '@mui/material';
import { useLocaleState, useShowContext, useTranslate } from 'react-admin';
import { awaitingDecision } from '../common/lifecycle/version-pair';
import { useStatusWords } from '../common/lifecycle/status-words';
import { useResourceRead } from '../common/use-resource-read';
import { fieldWords, type ExperimentContent } from './experiment-form';
import type { ExperimentRecord } from './ExperimentShow';
import { weightShares } from './format';

/**
 * The version the page describes first: the one in force; before the experiment starts, the one awaiting a
 * decision (what an approver decides on, not a draft started beside it), else the latest.
 */
export const shownVersion = (record: ExperimentRecord) =>
  record.activeVersion ?? awaitingDecision(record.versions) ?? record.latestVersion;

/** The prompt, coverage and variants of one version of the experiment shown. */
export const VersionSettings = ({ number, title }: { number: number; title: string }) => {
  const { record } = useShowContext<ExperimentRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useResourceRead<{ content: ExperimentContent }>(
    'experiments',
    record?.key,
    `versions/${number}`,
    record?.updatedAt,
  );
  const content = data?.content;
  if (!content) return null;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const shares = weightShares(content.variants.map((v) => v.weight));
  const id = `experiment-settings-${number}`;
  return (
    <Box component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <Typography id={`${id}-title`} variant="subtitle1" component="h2">
        {title}
      </Typography>
      <Typography variant="body2">
        {translate('gabarit.experiments.prompt_is')} <strong>{content.prompt}</strong> ·{' '}
        {translate('gabarit.experiments.coverage_is')} <strong>{percent.format(content.coverage)}</strong>
      </Typography>
      <Typography variant="body2" id={`${id}-variants`}>
        {translate('resources.experiments.fields.variants')}
      </Typography>
      <Box component="ul" aria-labelledby={`${id}-variants`} sx={{ mt: 0, typography: 'body2' }}>
        {content.variants.map((v, i) => (
          <li key={v.name}>
            {translate('gabarit.experiments.variant_line', {
              name: i === 0 ? `${v.name} (${translate('gabarit.experiments.control')})` : v.name,
              version: v.version,
              share: percent.format(shares[i] ?? 0),
            })}
          </li>
        ))}
      </Box>
    </Box>
  );
};

interface Change {
  path: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The version an approver decides on (in review, else approved and not yet published), beside the version in
 * force: its settings, and each field it changes from that one. Only the version in force was shown,
 * so new weights or guardrails were seen nowhere before they were approved.
 */
export const AwaitingDecision = () => {
  const { record } = useShowContext<ExperimentRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const statusWords = useStatusWords();
  // Compared with the version in force only: before the start, the version awaiting a decision is shown first.
  const from = record?.activeVersion ?? undefined;
  const to = record ? awaitingDecision(record.versions) : undefined;
  const pending = from !== undefined && to !== undefined && to !== from;
  const { data } = useResourceRead<{ changes: Change[] }>(
    'experiments',
    record?.key,
    pending ? `diff?from=${from}&to=${to}` : undefined,
    record?.updatedAt,
  );
  if (!record || !pending) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <VersionSettings
        number={to}
        title={translate('gabarit.experiments.awaiting_title', {
          version: to,
          status: statusWords(record.versions.find((v) => v.number === to)).toLowerCase(),
        })}
      />
      {data && (
        <Box component="section" aria-labelledby="experiment-changes-title" data-testid="experiment-changes">
          <Typography id="experiment-changes-title" variant="body2">
            {translate('gabarit.experiments.changes.title', { from })}
          </Typography>
          {data.changes.length === 0 ? (
            <Typography variant="body2">{translate('gabarit.experiments.changes.none')}</Typography>
          ) : (
            <Box component="ul" sx={{ mt: 0, typography: 'body2' }}>
              {data.changes.map((change) => (
                <li key={change.path}>
                  {translate('gabarit.experiments.changes.line', {
                    field: fieldWords(change.path, translate),
                    before: valueText(change.path, change.before, locale, translate),
                    after: valueText(change.path, change.after, locale, translate),
                  })}
                </li>
              ))}
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
};

/** Shares (coverage, an error rate) as percentages, as the settings above write them; anything else as it is. */
function valueText(path: string, value: unknown, locale: string, translate: (key: string) => string): string {
  if (value === undefined) return translate('gabarit.experiments.changes.absent');
  if (typeof value === 'number' && /\/(coverage|maxErrorRate)$/.test(path))
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The settings of the version described first, then of the one awaiting a decision beside the version in force. */
export const ExperimentSettings = () => {
  const { record } = useShowContext<ExperimentRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const number = shownVersion(record);
  return (
    <>
      <VersionSettings number={number} title={translate('gabarit.experiments.settings_title', { version: number })} />
      <AwaitingDecision />
    </>
  );
};
