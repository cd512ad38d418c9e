import jstatModule from 'jstat';

// jstat ships CommonJS with a `jStat` property; this is the part of it used here.
const { jStat } = jstatModule as unknown as {
  jStat: { studentt: { inv(p: number, dof: number): number } };
};

/**
 * The mean of a sample with its 95 % confidence interval from Student's t (small samples: rubric scores of an
 * evaluation set). The interval is null under two observations; it is clamped to [lowest, highest] possible.
 */
export function meanWithInterval95(
  values: number[],
  bounds: [number, number] = [-Infinity, Infinity],
): { mean: number; n: number; interval: [number, number] | null } | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, n, interval: null };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  const margin = jStat.studentt.inv(0.975, n - 1) * Math.sqrt(variance / n);
  return { mean, n, interval: [Math.max(bounds[0], mean - margin), Math.min(bounds[1], mean + margin)] };
}
