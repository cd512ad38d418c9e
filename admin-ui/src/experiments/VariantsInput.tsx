import { Alert, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  regex,
  required,
  useGetOne,
  useLocaleState,
  useTranslate,
  type Validator,
} from 'react-admin';
import { RunningElsewhere } from './RunningElsewhere';
import { publishedVersionChoices, VARIANT_NAME_PATTERN, type ExperimentFormValues } from './experiment-form';
import { weightShares } from './format';

const variantCount: Validator = (value: unknown) =>
  !Array.isArray(value) || value.length < 2 || value.length > 5
    ? 'gabarit.experiments.validation.variant_count'
    : undefined;
const weightRange: Validator = (value: unknown) =>
  Number(value) > 0 && Number(value) <= 1000 ? undefined : 'gabarit.experiments.validation.weight';
const coverageRange: Validator = (value: unknown) =>
  value !== '' && Number(value) >= 0.1 && Number(value) <= 100 ? undefined : 'gabarit.experiments.validation.coverage';
const nameRules = [required(), regex(VARIANT_NAME_PATTERN, 'gabarit.experiments.validation.variant_name')];
const weightRules = [required(), weightRange];
const coverageRules = [required(), coverageRange];

/** How the weights split the traffic, written out as the analyst types them. */
const TrafficShares = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const variants = useWatch<ExperimentFormValues, 'variants'>({ name: 'variants' }) ?? [];
  const shares = weightShares(variants.map((v) => Number(v?.weight)));
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const text = variants.map((v, i) => `${v?.name || '?'} ${percent.format(shares[i] ?? 0)}`).join(', ');
  return (
    <Typography variant="body2" role="status" sx={{ mb: 2 }}>
      {translate('gabarit.experiments.shares', { shares: text })}
    </Typography>
  );
};

/**
 * The variants (first = control), each a published version of the prompt with its weight, and the coverage.
 * `splitFixed`: the experiment has started (or is scheduled to), so its variants, versions and weights stay as
 * they are (the API refuses a version that changes them, 409 `assignment_changed`: subjects already served would
 * move); only the coverage is offered. Offered, a change went through review and failed only at publication.
 * Read-only, not disabled: a disabled input leaves the form's values, and the coverage was saved with no variants
 * (400, « au moins 2 éléments »).
 */
export const VariantsInput = ({
  prompt,
  experimentKey,
  splitFixed = false,
}: {
  prompt: string | undefined;
  experimentKey?: string;
  splitFixed?: boolean;
}) => {
  const translate = useTranslate();
  const { data } = useGetOne<{ id: string; versions: { number: number; status: string }[] }>(
    'prompts',
    { id: prompt ?? '' },
    { enabled: Boolean(prompt) },
  );
  const choices = publishedVersionChoices(data?.versions ?? []).map((v) => ({
    id: v.id,
    name: translate('gabarit.experiments.version_choice', {
      version: v.id,
      status: translate(`gabarit.status.${v.status}`),
    }),
  }));
  const versionHelp = !prompt
    ? 'gabarit.experiments.choose_prompt_first'
    : data && choices.length === 0
      ? 'gabarit.experiments.no_published_version'
      : false;
  return (
    <>
      <RunningElsewhere prompt={prompt} experimentKey={experimentKey} />
      {splitFixed ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('gabarit.experiments.split_fixed')}
        </Alert>
      ) : (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('gabarit.experiments.variants_help')}
        </Typography>
      )}
      <ArrayInput source="variants" validate={variantCount}>
        <SimpleFormIterator inline disableReordering disableClear disabled={splitFixed}>
          <TextInput
            source="name"
            label="gabarit.experiments.variant_name"
            validate={nameRules}
            helperText={false}
            readOnly={splitFixed}
          />
          <SelectInput
            source="version"
            label="gabarit.experiments.variant_version"
            choices={choices}
            translateChoice={false}
            validate={required()}
            helperText={versionHelp}
            readOnly={splitFixed}
            sx={{ minWidth: 220 }}
          />
          <NumberInput
            source="weight"
            label="gabarit.experiments.variant_weight"
            validate={weightRules}
            min={0}
            max={1000}
            helperText={false}
            readOnly={splitFixed}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <TrafficShares />
      <NumberInput
        source="coverage"
        validate={coverageRules}
        min={0}
        max={100}
        step={1}
        helperText="gabarit.experiments.coverage_help"
      />
    </>
  );
};
