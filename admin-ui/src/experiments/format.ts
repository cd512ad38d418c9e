/** The results as GET /api/v1/experiments/{key}/results returns them. */
export interface VariantResult {
  name: string;
  version: number;
  weight: number;
  /** people served at least one answer */
  exposures: number;
  /** people assigned, whatever their requests gave (absent from older services) */
  assigned?: number;
  /** those whose requests have all ended: what the split check counts (absent from older services) */
  settled?: number;
  /** people who gave positive feedback on an answer */
  conversions: number;
  /** null before the first exposure */
  rate: number | null;
  /** [0, 1] before the first exposure: nothing is known yet */
  ci95: [number, number];
  /** null before the first answer */
  errorRate: number | null;
  p95LatencyMs: number | null;
  costPerAnswer?: number | null;
  guardrailBreached: boolean;
}

/** Always-valid inference on the difference of rates (variant − control): mSPRT (docs/adr/0029). */
export interface SequentialResult {
  variant?: string;
  pValue: number;
  confidenceSequence: [number, number];
  canStop: boolean;
}

export interface BoundaryPoint {
  subjects: number;
  difference: number;
  confidenceSequence: [number, number];
  pValue: number;
}

export interface GuardrailStatus {
  variant: string;
  metric: 'error_rate' | 'p95_latency_ms' | 'cost_per_answer';
  value: number | null;
  threshold: number;
  breached: boolean;
}

/** Why the service stopped the experiment itself. */
export interface ExperimentHalt {
  reason: 'guardrail' | 'srm';
  metric: string;
  variant?: string;
  value: number;
  threshold: number;
  at: string;
  fallback: { variant: string; version: number };
}

export interface ExperimentResults {
  experiment: string;
  prompt: string;
  running: boolean;
  variants: VariantResult[];
  srm: { pValue: number; mismatch: boolean };
  comparison: {
    control: string;
    pValue: number;
    winner?: string;
    byVariant: {
      name: string;
      pValue: number;
      better: boolean;
      sequential?: SequentialResult;
      probabilityToBeatControl?: number;
      boundary?: BoundaryPoint[];
    }[];
  };
  sequential?: SequentialResult;
  probabilityToBeatControl?: number;
  guardrails?: GuardrailStatus[];
  minimumSample: { perVariant: number; reached: boolean };
  halt?: ExperimentHalt;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What each results view takes: the results, the reader's locale and the console's translate. */
export interface ResultsViewProps {
  results: ExperimentResults;
  locale: string;
  translate: Translate;
}

/** `translate` under one message prefix: `scoped(translate, 'gabarit.experiments.results')('title')`. */
export function scoped(translate: Translate, prefix: string): Translate {
  return (key, options) => translate(`${prefix}.${key}`, options);
}

/** A rate as a percentage in the reader's language: 0.625 → « 62,5 % » or "62.5%". */
export function formatRate(rate: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    rate,
  );
}

/**
 * A p-value as readers expect it: « p = 0,012 », and « p < 0,001 » below what the test can tell apart. An
 * always-valid one says so where nothing around it does (« p toujours valide = 0,8 »): the verdict quoted it as
 * « p = 0,8 » above a table giving « p = 0,13 » for the same pair, from the single-look test (a console review).
 */
export function formatP(p: number, locale: string, translate: Translate, alwaysValid = false): string {
  const key = `gabarit.experiments.verdict.${alwaysValid ? 'always_valid_' : ''}`;
  if (p < 0.001) return translate(`${key}p_below`, { value: new Intl.NumberFormat(locale).format(0.001) });
  // Three decimals under 0.1 so a value just under 0.05 never reads as 0.05.
  const digits = p < 0.1 ? 3 : 2;
  return translate(`${key}p_equals`, {
    value: new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(p),
  });
}

/** Each variant's share of the traffic from the weights, as percentages (0 when the weights are unusable). */
export function weightShares(weights: readonly (number | null | undefined)[]): number[] {
  const usable = weights.map((w) => (typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0));
  const total = usable.reduce((a, b) => a + b, 0);
  return usable.map((w) => (total === 0 ? 0 : w / total));
}

/** A difference of rates in percentage points, signed: +3,2 pts / +3.2 pts. */
export function formatPoints(difference: number, locale: string, translate: Translate): string {
  const value = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(difference * 100);
  return translate('gabarit.experiments.sequential.points', { value });
}

/** A guardrail's value or threshold in its own unit: a rate, milliseconds, or a cost. */
export function formatGuardrailValue(metric: GuardrailStatus['metric'], value: number, locale: string): string {
  if (metric === 'error_rate') return formatRate(value, locale);
  if (metric === 'p95_latency_ms')
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }).format(
      value,
    );
  // Cents always shown (« 0,10 $ US », not « 0,1 $ US »), and more digits for costs under a cent.
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: value < 0.01 ? 4 : 2,
  }).format(value);
}

/** A probability as a percentage, never rounded to a certainty: « > 99,9 % », « < 0,1 % ». */
export function formatProbability(p: number, locale: string, translate: Translate): string {
  if (p > 0.999) return translate('gabarit.experiments.sequential.above', { value: formatRate(0.999, locale) });
  if (p < 0.001) return translate('gabarit.experiments.sequential.below', { value: formatRate(0.001, locale) });
  return formatRate(p, locale);
}
