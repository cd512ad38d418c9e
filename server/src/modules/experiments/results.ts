import { ITEMS_PER_CLOCK_READ, timeSlices, type Slice } from '../../common/async/time-slices.js';
import type { AnswerRow } from '../completions/experiment-rows.js';
import { listPrice } from '../llm/model-pricing.js';
import type { Person, VariantExposure } from './results-inputs.js';
import type { ExperimentContent, ExperimentHalt, GuardrailSettings } from './experiment.types.js';
import {
  probabilityToBeat,
  sampleRatioPValue,
  SEQUENTIAL_ALPHA,
  sequentialPath,
  twoProportionPValue,
  wilson95,
  type SequentialLook,
} from '../../common/statistics/proportions.js';

export const SRM_THRESHOLD = 0.001;
/** The fixed-horizon test's level, over all the variants compared with the control. */
const FIXED_ALPHA = 0.05;

/** What an experiment gets when its definition says nothing (docs/adr/0029). */
export const DEFAULT_GUARDRAILS: Required<Omit<GuardrailSettings, 'pricePerMillionTokens'>> = {
  maxErrorRate: 0.05,
  maxP95LatencyMs: 20_000,
  maxCostPerAnswer: 0.1,
  minSamplePerVariant: 100,
};

/** A price per million input and output tokens. */
export type TokenPrice = { input: number; output: number };

/**
 * The price of a variant's answers when the experiment names none and the model of the variant's version has no
 * known list price: Claude Sonnet's (US dollars), the pilots' family.
 */
export const FALLBACK_PRICE: TokenPrice = { input: 3, output: 15 };

/**
 * What each variant's tokens cost: the experiment's own `pricePerMillionTokens` for every variant when it names
 * one (a negotiated price, another currency), else the list price of the model each variant's version calls
 * (`models`, by variant): one price for all had priced a Haiku variant at Sonnet's, three times its cost.
 */
export function variantPrices(content: ExperimentContent, models: Map<string, string>): Map<string, TokenPrice> {
  const named = content.guardrails?.pricePerMillionTokens;
  return new Map(
    content.variants.map((v) => {
      const model = models.get(v.name);
      return [v.name, named ?? (model !== undefined ? listPrice(model) : undefined) ?? FALLBACK_PRICE];
    }),
  );
}

/** About this many points on the chart of the boundary, whatever the number of subjects. */
const BOUNDARY_POINTS = 40;

export type GuardrailMetric = 'error_rate' | 'p95_latency_ms' | 'cost_per_answer';

export interface ResultsInput {
  key: string;
  content: ExperimentContent;
  running: boolean;
  exposures: Map<string, VariantExposure>;
  /** People per variant who gave positive feedback on at least one answer. */
  conversions: Map<string, number>;
  /** Every answer, in the order served (the experiment log's rows). */
  answers: AnswerRow[];
  /** The people, in the order of their first answer served. */
  people: Person[];
  /**
   * The price of each variant's tokens: the experiment's `pricePerMillionTokens` for all when it names one, else
   * the list price of the model of each variant's version (variants may use different models). A variant not
   * listed (every variant, when the map is absent) is priced at FALLBACK_PRICE.
   */
  prices?: Map<string, TokenPrice>;
  halt?: ExperimentHalt;
}

export function settingsOf(content: ExperimentContent): typeof DEFAULT_GUARDRAILS & GuardrailSettings {
  return { ...DEFAULT_GUARDRAILS, ...content.guardrails };
}

/**
 * Per variant: exposures (people served), conversions (people who gave positive feedback on an answer), rate with
 * a Wilson 95 % interval, guardrail metrics (per answer); per variant against the control: the fixed-horizon
 * z-test, the always-valid p-value and confidence sequence (mSPRT) with their path over the people, the
 * probability to beat the control; the split check (people assigned); the minimum sample (people per variant).
 */
export async function computeResults(input: ResultsInput, slice: Slice = timeSlices()) {
  const { content, exposures, conversions, answers, people, prices } = input;
  const settings = settingsOf(content);
  const min = settings.minSamplePerVariant;
  const cost = await costPerAnswer(answers, prices ?? new Map(), slice);

  const guardrails: {
    variant: string;
    metric: GuardrailMetric;
    value: number | null;
    threshold: number;
    breached: boolean;
  }[] = [];
  const variants = content.variants.map((v) => {
    const served = exposures.get(v.name) ?? {
      served: 0,
      errors: 0,
      exposed: 0,
      assigned: 0,
      settled: 0,
      p95LatencyMs: null,
    };
    const won = conversions.get(v.name) ?? 0;
    const answered = served.served + served.errors;
    // Before the first answer a variant has no rate (null), not a rate of 0.
    const errorRate = answered === 0 ? null : served.errors / answered;
    const costPer = cost.get(v.name) ?? null;
    const checks: [GuardrailMetric, number | null, number][] = [
      ['error_rate', errorRate, settings.maxErrorRate],
      ['p95_latency_ms', served.p95LatencyMs, settings.maxP95LatencyMs],
      ['cost_per_answer', costPer, settings.maxCostPerAnswer],
    ];
    for (const [metric, value, threshold] of checks)
      guardrails.push({ variant: v.name, metric, value, threshold, breached: value !== null && value > threshold });
    return {
      name: v.name,
      version: v.version,
      weight: v.weight,
      exposures: served.exposed,
      conversions: won,
      rate: served.exposed === 0 ? null : won / served.exposed,
      // Before any exposure the rate may be anything: [0, 1], not a certainty of 0.
      ci95: wilson95(won, served.exposed),
      errorRate,
      p95LatencyMs: served.p95LatencyMs,
      costPerAnswer: costPer,
      guardrailBreached: guardrails.some((g) => g.variant === v.name && g.breached),
      answered,
      assigned: served.assigned,
      settled: served.settled,
    };
  });
  // People assigned, answered or not (a variant that fails more is not a split that does not follow the weights),
  // once their requests have all ended (a slower variant is not one with fewer people: results-inputs.ts).
  const srmP = sampleRatioPValue(
    variants.map((v) => v.settled),
    variants.map((v) => v.weight),
  );
  const control = variants[0]!;
  const reached = variants.every((v) => v.exposures >= min);
  // Each variant is tested against the control: with several, one of them crosses 5 % by chance more often than 5 %
  // of the time (A/A, five arms: a « winner » in 17 % of runs, a stop allowed in 6 %; review). The always-valid
  // test takes 5 % shared among them (Bonferroni: an always-valid p-value stays one under it, and each confidence
  // sequence at 1 − 5 %/m makes them hold at 95 % all together), the winner of the fixed-horizon test is found by
  // Holm's steps.
  const comparisons = Math.max(1, variants.length - 1);
  const boundaries: Awaited<ReturnType<typeof boundaryOf>>[] = [];
  for (const v of variants.slice(1))
    boundaries.push(await boundaryOf(people, v.name, control.name, SEQUENTIAL_ALPHA / comparisons, slice));
  const byVariant = variants.slice(1).map((v, i) => {
    const boundary = boundaries[i]!;
    const last = boundary.at(-1);
    const pValue = last?.pValue ?? 1;
    return {
      name: v.name,
      pValue: twoProportionPValue(v.conversions, v.exposures, control.conversions, control.exposures),
      better: (v.rate ?? 0) > (control.rate ?? 0),
      sequential: {
        pValue,
        confidenceSequence: last?.confidenceSequence ?? ([-1, 1] as [number, number]),
        canStop: reached && pValue < SEQUENTIAL_ALPHA / comparisons,
      },
      probabilityToBeatControl: probabilityToBeat(v, control),
      boundary,
    };
  });
  const best = [...byVariant].sort((a, b) => a.pValue - b.pValue)[0];
  const significant = holmSignificant(byVariant, FIXED_ALPHA);
  const winner =
    significant.length === 0
      ? undefined
      : significant.every((v) => !v.better)
        ? control.name
        : [...significant].filter((v) => v.better).sort((a, b) => a.pValue - b.pValue)[0]?.name;
  const lead = [...byVariant].sort(
    (a, b) => a.sequential.pValue - b.sequential.pValue || b.probabilityToBeatControl - a.probabilityToBeatControl,
  )[0]!;
  return {
    experiment: input.key,
    prompt: content.prompt,
    running: input.running,
    variants: variants.map(({ answered: _answered, ...v }) => v),
    srm: { pValue: srmP, mismatch: srmP < SRM_THRESHOLD },
    comparison: { control: control.name, pValue: best?.pValue ?? 1, ...(winner && { winner }), byVariant },
    sequential: { variant: lead.name, ...lead.sequential },
    probabilityToBeatControl: lead.probabilityToBeatControl,
    guardrails,
    minimumSample: { perVariant: min, reached },
    ...(input.halt && { halt: input.halt }),
    /** What the watch acts on (not part of the answer). */
    alarm: alarmOf(variants, guardrails, srmP, min),
  };
}

/**
 * The comparisons Holm's step-down procedure finds significant at `alpha` over the family: the k-th smallest
 * p-value (from 0) against alpha / (m − k), stopping at the first that fails.
 */
export function holmSignificant<T extends { pValue: number }>(tests: T[], alpha: number): T[] {
  const sorted = [...tests].sort((a, b) => a.pValue - b.pValue);
  const passed: T[] = [];
  for (const [k, test] of sorted.entries()) {
    if (test.pValue >= alpha / (sorted.length - k)) break;
    passed.push(test);
  }
  return passed;
}

export type ExperimentResults = Omit<Awaited<ReturnType<typeof computeResults>>, 'alarm'>;
export type Alarm = Pick<ExperimentHalt, 'reason' | 'metric' | 'variant' | 'value' | 'threshold'>;

/**
 * What stops an experiment: a guardrail breached by a variant that has served at least the minimum sample (a
 * few slow answers among the first ten are not a verdict), or a split that does not follow the weights once the
 * experiment as a whole has served that many per variant (a variant starved by a defect has few answers itself).
 */
function alarmOf(
  variants: { name: string; answered: number; settled: number }[],
  guardrails: {
    variant: string;
    metric: GuardrailMetric;
    value: number | null;
    threshold: number;
    breached: boolean;
  }[],
  srmP: number,
  min: number,
): Alarm | undefined {
  for (const g of guardrails) {
    const variant = variants.find((v) => v.name === g.variant)!;
    if (g.breached && variant.answered >= min)
      return { reason: 'guardrail', metric: g.metric, variant: g.variant, value: g.value!, threshold: g.threshold };
  }
  const total = variants.reduce((sum, v) => sum + v.settled, 0);
  if (srmP < SRM_THRESHOLD && total >= min * variants.length)
    return { reason: 'srm', metric: 'sample_ratio', value: srmP, threshold: SRM_THRESHOLD };
  return undefined;
}

/** Mean cost of an answer per variant: tokens × the variant's price, over the answers that report their usage. */
async function costPerAnswer(
  answers: AnswerRow[],
  prices: Map<string, TokenPrice>,
  slice: Slice,
): Promise<Map<string, number>> {
  const sums = new Map<string, { cost: number; n: number }>();
  for (const [i, [, variant, , outcome, , inputTokens, outputTokens]] of answers.entries()) {
    if (i % ITEMS_PER_CLOCK_READ === 0) await slice();
    if (outcome !== 'ok' || !variant) continue;
    // Counts the provider reported are checked when an answer is read; a row stored before that is skipped if
    // its counts are not counts (1e308 tokens made the cost infinite, and the automatic stop unstorable).
    if (!Number.isSafeInteger(inputTokens) || !Number.isSafeInteger(outputTokens)) continue;
    const entry = sums.get(variant) ?? { cost: 0, n: 0 };
    const price = prices.get(variant) ?? FALLBACK_PRICE;
    entry.cost += (inputTokens! * price.input + outputTokens! * price.output) / 1_000_000;
    entry.n++;
    sums.set(variant, entry);
  }
  return new Map([...sums].map(([variant, { cost, n }]) => [variant, cost / n]));
}

/**
 * The mSPRT path of a variant against the control over people, taken in the order of their first answer (each
 * counted converted if they have given positive feedback on any answer since): one look per block of people, so
 * about BOUNDARY_POINTS looks. Ville's inequality holds over every n at once, so any set of looks keeps the
 * guarantee.
 */
async function boundaryOf(people: Person[], variant: string, control: string, alpha: number, slice: Slice) {
  // The people of the two arms, as indexes into `people`: no object per person (100 000 answers made the watch's
  // collections hold the loop 54–103 ms).
  const inArms = new Uint32Array(people.length);
  let count = 0;
  for (const [n, person] of people.entries()) {
    if (n % ITEMS_PER_CLOCK_READ === 0) await slice();
    if (person.variant === variant || person.variant === control) inArms[count++] = n;
  }
  const step = Math.max(10, Math.ceil(count / BOUNDARY_POINTS));
  const counts = { treatment: { conversions: 0, exposures: 0 }, control: { conversions: 0, exposures: 0 } };
  const looks: SequentialLook[] = [];
  for (let i = 0; i < count; i++) {
    if (i % ITEMS_PER_CLOCK_READ === 0) await slice();
    const person = people[inArms[i]!]!;
    const arm = counts[person.variant === variant ? 'treatment' : 'control'];
    arm.exposures++;
    if (person.converted) arm.conversions++;
    if ((i + 1) % step === 0 || i + 1 === count)
      looks.push({ treatment: { ...counts.treatment }, control: { ...counts.control } });
  }
  const path = sequentialPath(looks, undefined, alpha);
  return path.map((state, i) => {
    const look = looks[i]!;
    const rate = (arm: { conversions: number; exposures: number }) =>
      arm.exposures === 0 ? 0 : arm.conversions / arm.exposures;
    return {
      subjects: look.treatment.exposures + look.control.exposures,
      difference: rate(look.treatment) - rate(look.control),
      confidenceSequence: state.confidenceSequence,
      pValue: state.pValue,
    };
  });
}
