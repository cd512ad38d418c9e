import jstatModule from 'jstat';

// jstat ships CommonJS with a `jStat` property; this is the object its typings call jStat.
const { jStat } = jstatModule as unknown as {
  jStat: {
    normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
    chisquare: { cdf(x: number, dof: number): number };
    betaln(a: number, b: number): number;
  };
};

/** Wilson score interval at 95 %: sensible even for small counts and rates near 0 or 1. */
export function wilson95(conversions: number, exposures: number): [number, number] {
  // No exposure: nothing is known, every rate is possible. [0, 0] read as « certainly 0 % » to an API caller
  // (a shadow report with nothing compared yet); screens say « — » for the rate.
  if (exposures === 0) return [0, 1];
  const z = jStat.normal.inv(0.975, 0, 1);
  const p = conversions / exposures;
  const denominator = 1 + (z * z) / exposures;
  const centre = (p + (z * z) / (2 * exposures)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / exposures + (z * z) / (4 * exposures * exposures))) / denominator;
  // At 0 or at every exposure the bound is exactly 0 or 1; the formula leaves rounding (6.9e-18) there.
  return [
    conversions === 0 ? 0 : Math.max(0, centre - margin),
    conversions === exposures ? 1 : Math.min(1, centre + margin),
  ];
}

/** Two-sided p-value of the two-proportion z-test (pooled). */
export function twoProportionPValue(c1: number, n1: number, c2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 1;
  const pooled = (c1 + c2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return 1;
  const z = (c1 / n1 - c2 / n2) / se;
  return 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1));
}

/** Sample-ratio-mismatch check: chi-square goodness of fit of exposures against the configured weights. */
export function sampleRatioPValue(observed: number[], weights: number[]): number {
  const total = observed.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || observed.length < 2) return 1;
  const chi = observed.reduce((sum, o, i) => {
    const expected = (total * weights[i]!) / weightSum;
    return sum + (o - expected) ** 2 / expected;
  }, 0);
  return 1 - jStat.chisquare.cdf(chi, observed.length - 1);
}

/**
 * Always-valid inference for the difference of two rates (treatment − control) by the mixture sequential
 * probability ratio test (mSPRT) of Johari, Pekelis and Walsh, "Always valid inference: continuous monitoring
 * of A/B tests", Operations Research 70(3), 2022 (arXiv:1512.04922), with a normal mixture N(0, τ²) over the
 * difference and the normal approximation of the difference of the observed rates (their section 4 for two
 * Bernoulli streams). With V the variance of the observed difference θ̂,
 *
 *   Λ(θ₀) = √(V / (V + τ²)) · exp(τ² (θ̂ − θ₀)² / (2 V (V + τ²)))
 *
 * is a test martingale under θ = θ₀, so by Ville's inequality P(∃n: Λₙ ≥ 1/α) ≤ α however often one looks. The
 * always-valid p-value is the running minimum of min(1, 1/Λₙ(0)); the confidence sequence is the set of θ₀ not
 * rejected, θ̂ ± √(V (V + τ²)/τ² · (2 ln(1/α) + ln((V + τ²)/V))), intersected over the looks.
 */
export interface SequentialLook {
  /** Positives and answers served so far in the treatment and the control (cumulative). */
  treatment: { conversions: number; exposures: number };
  control: { conversions: number; exposures: number };
}

export interface SequentialState {
  pValue: number;
  confidenceSequence: [number, number];
}

/** τ, the mixture's standard deviation over the difference of rates: effects of a few points (ADR 0029). */
export const MIXTURE_TAU = 0.05;
export const SEQUENTIAL_ALPHA = 0.05;

/** The variance of the observed difference, the rates smoothed (+½, +1) so a rate of 0 or 1 still has spread. */
function differenceVariance(look: SequentialLook): number {
  const part = ({ conversions, exposures }: { conversions: number; exposures: number }) => {
    const p = (conversions + 0.5) / (exposures + 1);
    return (p * (1 - p)) / exposures;
  };
  return part(look.treatment) + part(look.control);
}

/** One look of the mSPRT, not yet combined with the earlier ones: 1/Λ(0) and the interval of θ₀ not rejected. */
export function msprtLook(look: SequentialLook, tau = MIXTURE_TAU, alpha = SEQUENTIAL_ALPHA): SequentialState {
  const { treatment, control } = look;
  if (treatment.exposures === 0 || control.exposures === 0) return { pValue: 1, confidenceSequence: [-1, 1] };
  const diff = treatment.conversions / treatment.exposures - control.conversions / control.exposures;
  const v = differenceVariance(look);
  const t2 = tau * tau;
  const logLambda = 0.5 * Math.log(v / (v + t2)) + (t2 * diff * diff) / (2 * v * (v + t2));
  const halfWidth = Math.sqrt(((v * (v + t2)) / t2) * (2 * Math.log(1 / alpha) + Math.log((v + t2) / v)));
  return {
    pValue: Math.min(1, Math.exp(-logLambda)),
    confidenceSequence: [Math.max(-1, diff - halfWidth), Math.min(1, diff + halfWidth)],
  };
}

/** Combines looks in time order: the p-value never rises, the confidence sequence never widens. */
export function sequentialPath(
  looks: SequentialLook[],
  tau = MIXTURE_TAU,
  alpha = SEQUENTIAL_ALPHA,
): SequentialState[] {
  const path: SequentialState[] = [];
  let pValue = 1;
  let [lo, hi] = [-1, 1];
  for (const look of looks) {
    const now = msprtLook(look, tau, alpha);
    pValue = Math.min(pValue, now.pValue);
    lo = Math.max(lo, now.confidenceSequence[0]);
    hi = Math.min(hi, now.confidenceSequence[1]);
    // An empty intersection can only happen on a rejection of every θ₀ (a 1 − α event under the model): keep
    // the latest interval rather than an inverted one.
    if (lo > hi) [lo, hi] = now.confidenceSequence;
    path.push({ pValue, confidenceSequence: [lo, hi] });
  }
  return path;
}

/**
 * P(rate of the treatment > rate of the control) with Beta(1, 1) priors, so posteriors Beta(1 + positives,
 * 1 + negatives). Exact for integer parameters (Evan Miller, "Formulas for Bayesian A/B testing", 2015):
 *
 *   P(p_B > p_A) = Σ_{i=0}^{α_B−1} B(α_A + i, β_A + β_B) / ((β_B + i) B(1 + i, β_B) B(α_A, β_A))
 *
 * summed in logarithms: deterministic, no sampling. The sum runs over the treatment's positives (or, by
 * symmetry, the control's when fewer), so it costs one term per positive.
 */
export function probabilityToBeat(
  treatment: { conversions: number; exposures: number },
  control: { conversions: number; exposures: number },
): number {
  const aB = 1 + treatment.conversions;
  const bB = 1 + treatment.exposures - treatment.conversions;
  const aA = 1 + control.conversions;
  const bA = 1 + control.exposures - control.conversions;
  // The same counts (no data yet, among others) give the same posterior: one half exactly, by symmetry, where the
  // sum in logarithms left 0.49999999999999983.
  if (aA === aB && bA === bB) return 0.5;
  // P(B > A) = 1 − P(A > B) (ties have probability 0): sum over whichever has fewer positives.
  if (aA < aB) return 1 - probabilityGreater(aA, bA, aB, bB);
  return probabilityGreater(aB, bB, aA, bA);
}

/** P(X > Y) for X ~ Beta(aX, bX), Y ~ Beta(aY, bY), integer aX. */
function probabilityGreater(aX: number, bX: number, aY: number, bY: number): number {
  const base = jStat.betaln(aY, bY);
  let total = 0;
  for (let i = 0; i < aX; i++) {
    total += Math.exp(jStat.betaln(aY + i, bY + bX) - Math.log(bX + i) - jStat.betaln(1 + i, bX) - base);
  }
  return Math.min(1, Math.max(0, total));
}
