import {
  formatP,
  formatRate,
  weightShares,
  type ExperimentResults,
  type Translate,
  type VariantResult,
} from './format';

/** A variant's rate once it has been served (the verdict speaks of rates only past the minimum sample). */
const rateOf = (v: VariantResult): number => v.rate ?? 0;

/** The z-test's normal approximation needs this many expected positives and non-positives in each variant. */
export const MIN_EXPECTED_OUTCOMES = 5;
export const ALPHA = 0.05;

export type VerdictKind =
  | 'srm'
  | 'too_few_subjects'
  | 'too_few_outcomes'
  | 'winner'
  | 'control_wins'
  | 'not_yet_shown'
  | 'no_difference'
  | 'equivalent'
  | 'ended_without_conclusion';

/**
 * How close two rates must be shown to be (the whole confidence sequence of their difference within ± this) for the
 * verdict to call the versions equivalent: 2 points of positive feedback. A difference not shown is no equivalence
 * (−10.9 to +22 points had been « consider them equivalent », a console review).
 */
export const EQUIVALENCE_MARGIN = 0.02;

export interface Verdict {
  kind: VerdictKind;
  severity: 'success' | 'info' | 'warning';
  /** The verdict in plain words, in the reader's language. */
  text: string;
  /** The sample-ratio-mismatch warning, when the split does not follow the weights. */
  srmWarning?: string;
}

type Comparison = ExperimentResults['comparison']['byVariant'][number];

/**
 * A difference the reader may act on: by the always-valid test (docs/adr/0029) when the API gives it, since
 * results are read every day and the fixed-horizon z-test holds for one look only. Read after every 100
 * subjects, it finds a difference in an A/A experiment a quarter of the time.
 */
const shown = (c: Comparison): boolean => (c.sequential ? c.sequential.canStop : c.pValue < ALPHA);
/** The p-value a verdict quotes: the always-valid one, when there is one. */
interface QuotedP {
  value: number;
  alwaysValid: boolean;
}
const quotedP = (c: Comparison): QuotedP =>
  c.sequential ? { value: c.sequential.pValue, alwaysValid: true } : { value: c.pValue, alwaysValid: false };

/**
 * Reads the results for a non-statistician: a broken split first (nothing else can be trusted), then too
 * little data, then the test against the control at the 5 % level, valid at every look.
 */
export function experimentVerdict(results: ExperimentResults, translate: Translate, locale: string): Verdict {
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`gabarit.experiments.verdict.${key}`, options);
  const rate = (r: number) => formatRate(r, locale);
  const p = ({ value, alwaysValid }: QuotedP) => formatP(value, locale, translate, alwaysValid);
  const { variants, comparison } = results;
  const control = variants.find((v) => v.name === comparison.control) ?? variants[0];
  // A stopped experiment's results are frozen: « keep it running » would send its owner to what cannot be done.
  const ended = !results.running;
  const endedKey = (key: string) => (ended ? `ended_${key}` : key);
  // The experiment's own minimum (settings.minSamplePerVariant), the one the results and the sequential panel use.
  const min = results.minimumSample.perVariant;

  if (results.srm.mismatch) {
    const shares = weightShares(variants.map((v) => v.weight));
    const list = (values: string[]) => variants.map((v, i) => `${v.name} ${values[i]}`).join(', ');
    const srmWarning = t('srm_warning', {
      // The people assigned whose requests have all ended, served or failed: what the split check counted.
      observed: list(variants.map((v) => new Intl.NumberFormat(locale).format(v.settled ?? v.assigned ?? v.exposures))),
      expected: list(
        shares.map((s) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(s)),
      ),
      p: formatP(results.srm.pValue, locale, translate),
    });
    return { kind: 'srm', severity: 'warning', text: t('srm'), srmWarning };
  }
  if (!control || variants.length < 2)
    return {
      kind: 'too_few_subjects',
      severity: 'info',
      text: t(endedKey('too_few_subjects'), { min, variant: control?.name ?? '', count: control?.exposures ?? 0 }),
    };

  const smallest = [...variants].sort((a, b) => a.exposures - b.exposures)[0]!;
  if (smallest.exposures < min) {
    return {
      kind: 'too_few_subjects',
      severity: 'info',
      // « n'en a que 0 » reads oddly: a variant not served yet is said so.
      text: t(endedKey(smallest.exposures === 0 ? 'no_subjects_yet' : 'too_few_subjects'), {
        min,
        variant: smallest.name,
        count: smallest.exposures,
      }),
    };
  }
  const served = variants.reduce((sum, v) => sum + v.exposures, 0);
  const pooled = variants.reduce((sum, v) => sum + v.conversions, 0) / served;
  if (
    variants.some(
      (v) => v.exposures * pooled < MIN_EXPECTED_OUTCOMES || v.exposures * (1 - pooled) < MIN_EXPECTED_OUTCOMES,
    )
  ) {
    return {
      kind: 'too_few_outcomes',
      severity: 'info',
      text: t(endedKey('too_few_outcomes'), { min: MIN_EXPECTED_OUTCOMES }),
    };
  }

  const byName = new Map(variants.map((v) => [v.name, v]));
  const tests = comparison.byVariant.filter((c) => byName.has(c.name)).sort((a, b) => a.pValue - b.pValue);
  const significant = tests.filter(shown);
  const better = significant.find((c) => rateOf(byName.get(c.name)!) > rateOf(control));
  if (better) {
    const winner = byName.get(better.name)!;
    return {
      kind: 'winner',
      severity: 'success',
      text: t('winner', {
        winner: winner.name,
        control: control.name,
        winnerRate: rate(rateOf(winner)),
        controlRate: rate(rateOf(control)),
        p: p(quotedP(better)),
      }),
    };
  }
  const worse = significant[0];
  if (worse) {
    const loser = byName.get(worse.name)!;
    return {
      kind: 'control_wins',
      severity: 'success',
      text: t('control_wins', {
        control: control.name,
        loser: loser.name,
        controlRate: rate(rateOf(control)),
        loserRate: rate(rateOf(loser)),
        p: p(quotedP(worse)),
      }),
    };
  }
  // A variant beside the control, said with both rates: a gap not shown yet, or none at all.
  const beside = (
    kind: 'not_yet_shown' | 'no_difference' | 'ended_without_conclusion',
    variant: VariantResult,
    pValue: QuotedP,
  ): Verdict => ({
    kind,
    severity: 'info',
    text: t(kind, {
      variant: variant.name,
      variantRate: rate(rateOf(variant)),
      control: control.name,
      controlRate: rate(rateOf(control)),
      p: p(pValue),
    }),
  });
  // Every variant's difference with the control shown to lie within the margin, at every look: equivalent.
  const sequences = tests.map((c) => c.sequential?.confidenceSequence);
  if (
    sequences.length > 0 &&
    sequences.every((cs) => cs !== undefined && cs[0] >= -EQUIVALENCE_MARGIN && cs[1] <= EQUIVALENCE_MARGIN)
  ) {
    const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const widest = sequences.reduce<[number, number]>(
      (w, cs) => [Math.min(w[0], cs![0]), Math.max(w[1], cs![1])],
      [0, 0],
    );
    return {
      kind: 'equivalent',
      severity: 'success',
      text: t('equivalent', {
        control: control.name,
        low: points.format(widest[0] * 100),
        high: points.format(widest[1] * 100),
      }),
    };
  }
  // The z-test sees a gap the test valid at every look does not show yet: what the green box used to call a
  // winner while the panel beside it said « pas encore ».
  const early = tests.find((c) => c.pValue < ALPHA);
  const closest = early ?? tests[0];
  const named = closest ? byName.get(closest.name)! : variants[1]!;
  const quoted = closest ? quotedP(closest) : { value: 1, alwaysValid: false };
  if (ended) return beside('ended_without_conclusion', named, quoted);
  return beside(early ? 'not_yet_shown' : 'no_difference', named, quoted);
}
