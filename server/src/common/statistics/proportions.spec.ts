import { describe, expect, it } from '@jest/globals';
import {
  msprtLook,
  probabilityToBeat,
  SEQUENTIAL_ALPHA,
  sequentialPath,
  twoProportionPValue,
  wilson95,
  type SequentialLook,
} from './proportions.js';

/** mulberry32: a small seeded generator, so every run draws the same experiments. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PER_ARM = 2000;
const EVERY = 100;

/**
 * Simulates experiments of PER_ARM subjects per arm and looks after every EVERY subjects per arm, with
 * cumulative counts: returns, per simulation, whether the mSPRT and a naive fixed-horizon z-test ever rejected.
 */
function simulate(simulations: number, controlRate: number, treatmentRate: number, seed: number) {
  const random = seeded(seed);
  let sequential = 0;
  let naive = 0;
  for (let s = 0; s < simulations; s++) {
    const counts = { control: 0, treatment: 0 };
    const looks: SequentialLook[] = [];
    let naiveRejected = false;
    for (let n = 1; n <= PER_ARM; n++) {
      if (random() < controlRate) counts.control++;
      if (random() < treatmentRate) counts.treatment++;
      if (n % EVERY !== 0) continue;
      looks.push({
        treatment: { conversions: counts.treatment, exposures: n },
        control: { conversions: counts.control, exposures: n },
      });
      if (twoProportionPValue(counts.treatment, n, counts.control, n) < SEQUENTIAL_ALPHA) naiveRejected = true;
    }
    const path = sequentialPath(looks);
    if (path.some((state) => state.pValue < SEQUENTIAL_ALPHA)) sequential++;
    if (naiveRejected) naive++;
  }
  return { sequential: sequential / simulations, naive: naive / simulations };
}

describe('always-valid inference (mSPRT)', () => {
  it('keeps an A/A experiment looked at every 100 subjects within its 5 % false-positive rate, where a z-test does not', () => {
    // 1 000 A/A experiments at 10 % in both arms, 20 looks each up to 2 000 subjects per arm.
    const rates = simulate(1000, 0.1, 0.1, 20260415);
    // Binomial noise on 1 000 simulations at 5 % is about 0.7 points: 6.5 % is two standard deviations above.
    expect(rates.sequential).toBeLessThanOrEqual(0.065);
    // The same looks with a fixed-horizon test reject far more often than 5 %: the check above can fail.
    expect(rates.naive).toBeGreaterThan(0.1);
  });

  it('detects a real difference (10 % against 15 %) in nearly every experiment', () => {
    const rates = simulate(200, 0.1, 0.15, 7);
    expect(rates.sequential).toBeGreaterThanOrEqual(0.9);
  });

  it('gives a p-value that never rises and a confidence sequence that never widens, around the true difference', () => {
    const random = seeded(42);
    const looks: SequentialLook[] = [];
    const counts = { control: 0, treatment: 0 };
    for (let n = 1; n <= 5000; n++) {
      if (random() < 0.2) counts.control++;
      if (random() < 0.25) counts.treatment++;
      if (n % 250 === 0)
        looks.push({
          treatment: { conversions: counts.treatment, exposures: n },
          control: { conversions: counts.control, exposures: n },
        });
    }
    const path = sequentialPath(looks);
    for (let i = 1; i < path.length; i++) {
      expect(path[i]!.pValue).toBeLessThanOrEqual(path[i - 1]!.pValue);
      expect(path[i]!.confidenceSequence[0]).toBeGreaterThanOrEqual(path[i - 1]!.confidenceSequence[0]);
      expect(path[i]!.confidenceSequence[1]).toBeLessThanOrEqual(path[i - 1]!.confidenceSequence[1]);
    }
    const last = path.at(-1)!;
    expect(last.confidenceSequence[0]).toBeLessThan(0.05);
    expect(last.confidenceSequence[1]).toBeGreaterThan(0.05);
    expect(last.confidenceSequence[0]).toBeGreaterThan(0);
    expect(last.pValue).toBeLessThan(0.05);
  });

  it('is wider than the fixed-horizon interval, and says nothing before both arms have answers', () => {
    const look = { treatment: { conversions: 60, exposures: 500 }, control: { conversions: 50, exposures: 500 } };
    const [lo, hi] = msprtLook(look).confidenceSequence;
    const fixedHalfWidth = 1.96 * Math.sqrt((0.12 * 0.88 + 0.1 * 0.9) / 500);
    expect(hi - lo).toBeGreaterThan(2 * fixedHalfWidth);
    expect(msprtLook({ treatment: { conversions: 0, exposures: 0 }, control: look.control })).toEqual({
      pValue: 1,
      confidenceSequence: [-1, 1],
    });
  });
});

describe('probability to beat the control (Beta(1, 1) priors)', () => {
  const arm = (conversions: number, exposures: number) => ({ conversions, exposures });

  it('is one half with no data, or the same data on both sides', () => {
    expect(probabilityToBeat(arm(0, 0), arm(0, 0))).toBe(0.5); // exactly: « 0.49999999999999983 » read as a lean
    expect(probabilityToBeat(arm(30, 100), arm(30, 100))).toBe(0.5);
  });

  it('matches values worked out by hand', () => {
    // Beta(2, 1) against Beta(1, 1): ∫₀¹ 2x · x dx = 2/3.
    expect(probabilityToBeat(arm(1, 1), arm(0, 0))).toBeCloseTo(2 / 3, 12);
    // Beta(1, 2) against Beta(1, 1): ∫₀¹ 2(1 − x) · x dx = 1/3.
    expect(probabilityToBeat(arm(0, 1), arm(0, 0))).toBeCloseTo(1 / 3, 12);
    // Beta(3, 1) against Beta(1, 3): P(X ≤ Y) = ∫₀¹ 3(1 − y)² · y³ dy = 3 · B(4, 3) = 3/60 = 0.05, so 0.95.
    expect(probabilityToBeat(arm(2, 2), arm(0, 2))).toBeCloseTo(0.95, 12);
  });

  it('agrees with the normal approximation on large counts, and is symmetric', () => {
    const b = arm(1300, 10000);
    const a = arm(1200, 10000);
    const p = probabilityToBeat(b, a);
    // Normal approximation of the two posteriors: z = 0.01 / sd.
    const sd = Math.sqrt((0.13 * 0.87) / 10002 + (0.12 * 0.88) / 10002);
    const z = 0.01 / sd;
    const normal = 0.5 * (1 + erf(z / Math.SQRT2));
    expect(p).toBeCloseTo(normal, 3);
    expect(probabilityToBeat(a, b)).toBeCloseTo(1 - p, 10);
  });
});

/** erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7), enough to check a probability to three places. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

describe('the Wilson 95 % interval of a rate', () => {
  it('matches the textbook values and is exact at 0 % and 100 %', () => {
    const [low, high] = wilson95(3, 40);
    expect(low).toBeCloseTo(0.025836, 5);
    expect(high).toBeCloseTo(0.198642, 5);
    expect(wilson95(0, 50)[0]).toBe(0); // was 6.9e-18
    expect(wilson95(0, 50)[1]).toBeCloseTo(0.071348, 5);
    expect(wilson95(50, 50)[1]).toBe(1);
    expect(wilson95(0, 0)).toEqual([0, 1]); // nothing known: every rate is possible
  });
});
