import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { formatP, weightShares, type ExperimentResults, type VariantResult } from './format';
import { experimentVerdict } from './verdict';

const french = polyglotI18nProvider(() => fr, 'fr');
const english = polyglotI18nProvider(() => en, 'en');
const inFrench = (results: ExperimentResults) => experimentVerdict(results, french.translate, 'fr');
const inEnglish = (results: ExperimentResults) => experimentVerdict(results, english.translate, 'en');
// Intl writes narrow no-break spaces before « % »: compare words, not space characters.
const words = (text: string | undefined) => text?.replace(/\s+/g, ' ');

function variant(name: string, exposures: number, conversions: number, weight = 50): VariantResult {
  return {
    name,
    version: 1,
    weight,
    exposures,
    conversions,
    rate: exposures ? conversions / exposures : 0,
    ci95: [0, 1],
    errorRate: 0,
    p95LatencyMs: 800,
    guardrailBreached: false,
  };
}

/** Results as the API sends them, with its default minimum of 100 people served per variant. */
function results(variants: VariantResult[], pValues: number[], srmP = 0.6, minimum = 100): ExperimentResults {
  const control = variants[0]!;
  const byVariant = variants
    .slice(1)
    .map((v, i) => ({ name: v.name, pValue: pValues[i]!, better: (v.rate ?? 0) > (control.rate ?? 0) }));
  return {
    experiment: 'chatbot-brievete',
    prompt: 'chatbot-answer',
    running: true,
    variants,
    srm: { pValue: srmP, mismatch: srmP < 0.001 },
    comparison: { control: control.name, pValue: Math.min(...pValues), byVariant },
    minimumSample: { perVariant: minimum, reached: variants.every((v) => v.exposures >= minimum) },
  };
}

describe('experimentVerdict', () => {
  it('names a significant winner with both rates and the p-value, in French and in English', () => {
    const r = results([variant('detaillee', 120, 48), variant('concise', 120, 75)], [0.012]);
    const verdict = inFrench(r);
    expect(verdict.kind).toBe('winner');
    expect(verdict.severity).toBe('success');
    expect(words(verdict.text)).toBe(
      'La variante « concise » fait mieux que le témoin « detaillee » : 62,5 % contre 40,0 % de retours positifs (p = 0,012).',
    );
    expect(verdict.srmWarning).toBeUndefined();
    expect(words(inEnglish(r).text)).toBe(
      'Variant “concise” does better than the control “detaillee”: 62.5% vs 40.0% positive feedback (p = 0.012).',
    );
  });

  it('says so when the control beats the variant, and reports very small p-values as a bound', () => {
    const verdict = inFrench(results([variant('detaillee', 200, 120), variant('concise', 200, 60)], [0.00001]));
    expect(verdict.kind).toBe('control_wins');
    expect(words(verdict.text)).toBe(
      'Le témoin « detaillee » fait mieux que la variante « concise » : 60,0 % contre 30,0 % de retours positifs (p < 0,001).',
    );
  });

  it('picks the variant that beats the control among several, even when another one is significantly worse', () => {
    const verdict = inEnglish(
      results([variant('a', 300, 120), variant('b', 300, 60), variant('c', 300, 165)], [0.0001, 0.02]),
    );
    expect(verdict.kind).toBe('winner');
    expect(verdict.text).toMatch(/^Variant “c” does better than the control “a”/);
  });

  it('shows no difference when the test is not significant, with the gap and the p-value', () => {
    const verdict = inFrench(results([variant('detaillee', 150, 60), variant('concise', 150, 66)], [0.48]));
    expect(verdict.kind).toBe('no_difference');
    expect(verdict.severity).toBe('info');
    expect(words(verdict.text)).toBe(
      'Pas de différence démontrée pour l’instant : l’écart entre « concise » (44,0 %) et le témoin « detaillee » (40,0 %) peut être dû au hasard (p = 0,48). Poursuivez l’expérience : ne pas démontrer d’écart n’est pas démontrer que les versions se valent.',
    );
    expect(inEnglish(results([variant('a', 150, 60), variant('b', 150, 66)], [0.048])).kind).toBe('winner');
    expect(inEnglish(results([variant('a', 150, 60), variant('b', 150, 66)], [0.05])).text).toMatch(
      /^No difference shown yet.*\(p = 0\.05\)/,
    );
  });

  it('calls the versions alike only when their difference is shown to be within two points, not when it is unknown', () => {
    const r = (confidenceSequence: [number, number]) => {
      const out = results([variant('detaillee', 4000, 1600), variant('concise', 4000, 1620)], [0.64]);
      out.comparison.byVariant[0]!.sequential = { pValue: 0.9, canStop: false, confidenceSequence };
      return out;
    };
    const alike = inFrench(r([-0.012, 0.018]));
    expect([alike.kind, alike.severity]).toEqual(['equivalent', 'success']);
    expect(words(alike.text)).toBe(
      'Les versions se valent : l’écart de chaque variante avec le témoin « detaillee » reste entre -1,2 et +1,8 points de retours positifs, avec une confiance de 95 % valable à chaque consultation.',
    );
    // −10.9 to +22 points had been « consider them equivalent ».
    expect(inEnglish(r([-0.109, 0.22])).kind).toBe('no_difference');
  });

  it('says a stopped experiment ended without a conclusion, never to keep it running', () => {
    const stopped = (r: ExperimentResults) => ({ ...r, running: false });
    const none = inFrench(stopped(results([variant('detaillee', 150, 60), variant('concise', 150, 66)], [0.48])));
    expect(none.kind).toBe('ended_without_conclusion');
    expect(words(none.text)).toBe(
      'L’expérience est terminée sans conclusion : l’écart entre « concise » (44,0 %) et le témoin « detaillee » (40,0 %) n’est pas démontré (p = 0,48). Ses résultats sont figés ; une nouvelle expérience peut reprendre la question.',
    );
    const early = inEnglish(stopped(results([variant('detaillee', 12, 1), variant('concise', 40, 30)], [0.0005])));
    expect(early.text).toMatch(/^The experiment ended before it had enough evidence: .*“detaillee” had only 12\.$/);
    for (const r of [none, early]) expect(r.text).not.toMatch(/Poursuivez|Keep the experiment running/);
  });

  it('follows the test valid at every look: a gap the z-test sees is not yet a verdict until that test shows it', () => {
    const daily = (sequential: { pValue: number; canStop: boolean }) => {
      const r = results([variant('detaillee', 130, 52), variant('concise-v4', 130, 78)], [0.004]);
      r.comparison.byVariant[0]!.sequential = { ...sequential, confidenceSequence: [-0.05, 0.42] };
      return r;
    };
    const early = inFrench(daily({ pValue: 0.15, canStop: false }));
    expect([early.kind, early.severity]).toEqual(['not_yet_shown', 'info']);
    expect(words(early.text)).toBe(
      'Pas encore de conclusion : « concise-v4 » (60,0 %) et le témoin « detaillee » (40,0 %) s’écartent, mais le test valable à chaque consultation ne le démontre pas encore (p toujours valide = 0,15). Poursuivez l’expérience : un écart lu en cours de route peut être dû au hasard.',
    );
    const shown = inEnglish(daily({ pValue: 0.02, canStop: true }));
    expect(shown.kind).toBe('winner');
    expect(shown.text).toMatch(/\(always-valid p = 0\.02\)\.$/);
  });

  it('withholds a verdict while a variant has served fewer people than the experiment’s minimum, even with a tiny p-value', () => {
    const verdict = inFrench(results([variant('detaillee', 12, 1), variant('concise', 40, 30)], [0.0005]));
    expect(verdict.kind).toBe('too_few_subjects');
    expect(words(verdict.text)).toBe(
      'Pas encore assez de données pour conclure : il faut au moins 100 personnes servies par variante, et « detaillee » n’en a que 12.',
    );
    // Before any answer, said so rather than « has only 0 ».
    expect(inEnglish(results([variant('a', 0, 0), variant('b', 0, 0)], [1])).text).toBe(
      'No data yet: “a” has not served anyone yet. At least 100 people per variant are needed to conclude.',
    );
    expect(words(inFrench(results([variant('a', 0, 0), variant('b', 0, 0)], [1])).text)).toBe(
      'Pas encore de données : « a » n’a encore servi personne. Il faut au moins 100 personnes par variante pour conclure.',
    );
    // 60 each is enough for the z-test, not for the minimum the results table and the sequential panel show.
    expect(inFrench(results([variant('a', 60, 10), variant('b', 60, 40)], [0.0001])).kind).toBe('too_few_subjects');
  });

  it('uses the minimum the experiment was set up with, the one the API reports', () => {
    const small = [variant('a', 40, 5), variant('b', 40, 30)];
    expect(inFrench(results(small, [0.0001], 0.6, 30)).kind).toBe('winner');
    expect(inEnglish(results(small, [0.0001], 0.6, 50)).text).toBe(
      'Not enough evidence yet: at least 50 people served per variant are needed, and “a” has only 40.',
    );
  });

  it('withholds a verdict while there is almost no positive feedback at all', () => {
    const verdict = inEnglish(results([variant('a', 100, 0), variant('b', 100, 3)], [0.08]));
    expect(verdict.kind).toBe('too_few_outcomes');
    expect(verdict.text).toMatch(/^Not enough evidence yet: too few people with positive feedback/);
  });

  it('flags a sample-ratio mismatch before anything else, with the observed and planned split', () => {
    const verdict = inFrench(results([variant('detaillee', 120, 48), variant('concise', 180, 110)], [0.0001], 0.00053));
    expect(verdict.kind).toBe('srm');
    expect(verdict.severity).toBe('warning');
    expect(verdict.text).toBe(
      'Aucune conclusion possible tant que la répartition est déséquilibrée : corrigez d’abord la cause signalée ci-dessus.',
    );
    expect(words(verdict.srmWarning)).toBe(
      'Les personnes affectées (detaillee 120, concise 180) ne suivent pas la répartition prévue (detaillee 50 %, concise 50 %) : test du khi-deux, p < 0,001. Un défaut d’affectation ou de journalisation fausse probablement les résultats.',
    );
    const skewedWeights = inEnglish(results([variant('a', 2000, 800, 90), variant('b', 1000, 400, 10)], [0.9], 1e-9));
    expect(skewedWeights.srmWarning).toMatch(/\(a 2,000, b 1,000\) do not follow the planned split \(a 90%, b 10%\)/);
  });
});

describe('formatting', () => {
  it('writes p-values so one just under 5 % never reads as 0.05', () => {
    const t = french.translate;
    expect(formatP(0.049, 'fr', t)).toBe('p = 0,049');
    expect(formatP(0.0004, 'fr', t)).toBe('p < 0,001');
    expect(formatP(0.4321, 'en', english.translate)).toBe('p = 0.43');
  });

  it('turns weights into traffic shares, ignoring missing or negative ones', () => {
    expect(weightShares([50, 50])).toEqual([0.5, 0.5]);
    expect(weightShares([1, 3, undefined])).toEqual([0.25, 0.75, 0]);
    expect(weightShares([-1, null])).toEqual([0, 0]);
  });
});
