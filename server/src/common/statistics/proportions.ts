import jstatModule from 'jstat';

// jstat ships CommonJS with a `jStat` property; this is the object its typings call jStat.
const { jStat } = jstatModule as unknown as {
  jStat: {
    normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
    chisquare: { cdf(x: number, dof: number): number };
  };
};

/** Wilson score interval at 95 %: sensible even for small counts and rates near 0 or 1. */
export function wilson95(conversions: number, exposures: number): [number, number] {
  if (exposures === 0) return [0, 0];
  const z = jStat.normal.inv(0.975, 0, 1);
  const p = conversions / exposures;
  const denominator = 1 + (z * z) / exposures;
  const centre = (p + (z * z) / (2 * exposures)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / exposures + (z * z) / (4 * exposures * exposures))) / denominator;
  return [Math.max(0, centre - margin), Math.min(1, centre + margin)];
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
