import { describe, expect, it } from '@jest/globals';
import { meanWithInterval95 } from '../../../common/statistics/means.js';
import { costUsd } from '../../llm/model-pricing.js';
import {
  expectationProblems,
  judgeScore,
  MAX_SCHEMAS_PER_SET,
  parseJsonOutput,
  runExactCheck,
  tooManySchemas,
} from './evaluation-checks.js';
import type { CaseResult, SideResult } from './evaluation.repository.js';
import { summarise } from './evaluation.service.js';

describe('schemas per evaluation set', () => {
  const shaped = (n: number) => ({ type: 'jsonSchema' as const, schema: { type: 'object', required: [`champ${n}`] } });
  const cases = (count: number, schemas: number) =>
    Array.from({ length: count }, (_, i) => ({ expect: [shaped(i % schemas), { type: 'length' as const, max: 9 }] }));

  it('counts a schema used again once, whatever its key order', () => {
    expect(tooManySchemas(cases(200, MAX_SCHEMAS_PER_SET))).toBeUndefined();
    const reordered = [{ expect: [{ type: 'jsonSchema' as const, schema: { required: ['champ0'], type: 'object' } }] }];
    expect(tooManySchemas([...cases(20, MAX_SCHEMAS_PER_SET), ...reordered])).toBeUndefined();
  });

  it('names the first schema past the bound, with how many the set has', () => {
    expect(tooManySchemas(cases(200, 40))).toMatchObject({
      path: '/cases/20/expect/0/schema',
      keyword: 'maxSchemas',
      params: { limit: MAX_SCHEMAS_PER_SET, count: 40 },
    });
  });
});

describe('exact checks', () => {
  it('contains, notContains, regex and length', async () => {
    expect(await runExactCheck({ type: 'contains', value: 'arbre' }, 'Les arbres')).toEqual({
      type: 'contains',
      passed: true,
    });
    expect(await runExactCheck({ type: 'notContains', value: 'arbre' }, 'Les arbres')).toEqual({
      type: 'notContains',
      passed: false,
      message: 'contains "arbre"',
      reason: { code: 'unwanted_text', text: 'arbre' },
    });
    expect((await runExactCheck({ type: 'regex', pattern: '^Les\\s+\\w+$' }, 'Les arbres')).passed).toBe(true);
    expect((await runExactCheck({ type: 'regex', pattern: '^\\d+$' }, 'Les arbres')).passed).toBe(false);
    expect((await runExactCheck({ type: 'length', min: 2, max: 4 }, 'éééé')).passed).toBe(true);
    expect((await runExactCheck({ type: 'length', max: 3 }, 'éééé')).message).toBe('is 4 characters, more than 3');
    expect((await runExactCheck({ type: 'length', min: 5 }, 'éééé')).message).toBe('is 4 characters, fewer than 5');
  });

  it('gives each failure as a code and its values too, for the console to word in French or English', async () => {
    const reason = async (check: Parameters<typeof runExactCheck>[0], output: string) =>
      (await runExactCheck(check, output)).reason;
    expect(await reason({ type: 'contains', value: 'parc' }, 'Les arbres')).toEqual({
      code: 'missing_text',
      text: 'parc',
    });
    expect(await reason({ type: 'regex', pattern: '^\\d+$' }, 'Les arbres')).toEqual({
      code: 'no_match',
      pattern: '^\\d+$',
    });
    expect(await reason({ type: 'length', max: 3 }, 'éééé')).toEqual({ code: 'too_long', length: 4, limit: 3 });
    expect(await reason({ type: 'length', min: 5 }, 'éééé')).toEqual({ code: 'too_short', length: 4, limit: 5 });
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } } };
    expect(await reason({ type: 'jsonSchema', schema }, 'pas du JSON')).toEqual({ code: 'not_json' });
    expect(await reason({ type: 'jsonSchema', schema }, '{"ok": 1}')).toEqual({
      code: 'schema_mismatch',
      path: '/ok',
      detail: 'must be boolean',
    });
    expect(await reason({ type: 'contains', value: 'arbre' }, 'Les arbres')).toBeUndefined();
  });

  it('jsonSchema parses the output, fenced or not, and names the first mismatch', async () => {
    const schema = { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } };
    expect((await runExactCheck({ type: 'jsonSchema', schema }, '{"ok": true}')).passed).toBe(true);
    expect((await runExactCheck({ type: 'jsonSchema', schema }, 'Voici :\n```json\n{"ok": false}\n```')).passed).toBe(
      true,
    );
    expect((await runExactCheck({ type: 'jsonSchema', schema }, '{"ok": 1}')).message).toMatch(/\/ok must be boolean/);
    expect((await runExactCheck({ type: 'jsonSchema', schema }, 'pas du JSON')).message).toBe('the output is not JSON');
    expect(parseJsonOutput('  [1, 2] ')).toEqual({ ok: true, value: [1, 2] });
  });
});

describe('expectations refused at save, at their paths', () => {
  it.each([
    [{ type: 'regex', pattern: '(a)\\1' }, '/e/pattern'],
    [{ type: 'regex', pattern: '(?=a)b' }, '/e/pattern'],
    [{ type: 'jsonSchema', schema: { type: 'nope' } }, '/e/schema/type'],
    [
      { type: 'jsonSchema', schema: { properties: { __proto__x: {}, constructor: {} } } },
      '/e/schema/properties/constructor',
    ],
    [{ type: 'contains' }, '/e/value'],
    [{ type: 'contains', value: 'x', pattern: 'y' }, '/e/pattern'],
    [{ type: 'length', min: 9, max: 3 }, '/e/min'],
    [{ type: 'length' }, '/e'],
    [{ type: 'rubric' }, '/e/criteria'],
  ])('%j → %s', async (expectation, path) => {
    const problems = await expectationProblems(expectation as never, '/e');
    expect(problems.map((p) => p.path)).toContain(path);
  });

  it('accepts well-formed ones', async () => {
    expect(await expectationProblems({ type: 'regex', pattern: '^[A-Z]{2}\\d+$' }, '/e')).toEqual([]);
    expect(await expectationProblems({ type: 'rubric', criteria: 'clair', minScore: 4 }, '/e')).toEqual([]);
    expect(await expectationProblems({ type: 'jsonSchema', schema: { type: 'object' } }, '/e')).toEqual([]);
  });
});

describe('the judge’s score', () => {
  it.each([
    ['{"score": 4, "reason": "clair"}', 4],
    ['```json\n{"score": "5"}\n```', 5],
    ['Score : 3 — assez clair', 3],
    ['Note: **2**', 2],
    ['Je donne 4/5.', 4],
    ['4 sur 5', 4],
    ['5', 5],
    ['Score: 7', null],
    ['Score: 2. Après réflexion, score: 4.', null],
    ['Je ne sais pas.', null],
    ['{"score": 0}', null],
  ])('%j → %s', (answer, score) => {
    expect(judgeScore(answer)).toBe(score);
  });
});

describe('scoring', () => {
  const side = (passed: boolean, scores: number[], latencyMs: number, error?: string): SideResult => ({
    version: 2,
    passed,
    checks: scores.map((score) => ({ type: 'rubric', passed: score >= 3, score })),
    tokens: { input: 100, output: 10 },
    costUsd: costUsd('claude-sonnet-4-6', { inputTokens: 100, outputTokens: 10 }),
    latencyMs,
    ...(error && { error }),
  });

  it('pass rate with its Wilson interval, mean score with its t interval, cost and latency', () => {
    const results: CaseResult[] = [
      { index: 0, variables: {}, candidate: side(true, [5], 100) },
      { index: 1, variables: {}, candidate: side(true, [4], 200) },
      { index: 2, variables: {}, candidate: side(false, [], 300, 'llm_unavailable') },
      { index: 3, variables: {}, skipped: 'budget' },
    ];
    const summary = summarise(2, results, 'candidate');
    expect(summary).toMatchObject({ cases: 3, passed: 2, failed: 1, errors: 1, skipped: 1 });
    expect(summary.passRate.rate).toBeCloseTo(2 / 3, 10);
    expect(summary.passRate.interval[0]).toBeCloseTo(0.2077, 3);
    expect(summary.passRate.interval[1]).toBeCloseTo(0.9385, 3);
    expect(summary.score).toMatchObject({ mean: 4.5, n: 2 });
    expect(summary.score!.interval).toEqual([1, 5]); // t(0.975, 1) = 12.7: the whole scale
    expect(summary.costUsd).toBeCloseTo((3 * (100 * 3 + 10 * 15)) / 1e6, 12);
    expect(summary.latencyMs).toEqual({ mean: 200, max: 300, total: 600 });
    expect(summarise(1, [], 'inForce').passRate).toEqual({ rate: 0, interval: [0, 1] });
  });

  it('a mean over more scores narrows by Student t', () => {
    const m = meanWithInterval95([4, 5, 4, 5, 4, 5, 4, 5], [1, 5])!;
    expect(m.mean).toBe(4.5);
    // sd 0.5345, t(0.975, 7) = 2.3646: 4.5 ± 0.4469
    expect(m.interval![0]).toBeCloseTo(4.0531, 3);
    expect(m.interval![1]).toBeCloseTo(4.9469, 3);
    expect(meanWithInterval95([])).toBeNull();
    expect(meanWithInterval95([3])).toEqual({ mean: 3, n: 1, interval: null });
  });

  it('prices by model family; an unknown family costs nothing', () => {
    expect(costUsd('claude-haiku-4-5', { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(6);
    expect(costUsd('claude-unknown', { inputTokens: 10, outputTokens: 10 })).toBe(0);
  });
});
