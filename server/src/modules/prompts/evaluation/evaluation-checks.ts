import { Ajv, type ValidateFunction } from 'ajv';
import type { ErrorDetail } from '../../../common/errors/domain-errors.js';
import { checksumOf } from '../../../common/json/canonical.js';
import { toErrorDetails } from '../../../common/http/ajv.js';
import { linearPattern, patternProblem } from '../../../engine/linear-pattern.js';
import { inputValidators, schemaProblems } from '../../rulesets/input-schemas.js';
import type { Expectation } from './evaluation.contract.js';

/** A check as stored and run: exact ones on the output, rubrics through a judge. */
export type Check =
  | { type: 'contains' | 'notContains'; value: string }
  | { type: 'regex'; pattern: string }
  | { type: 'jsonSchema'; schema: Record<string, unknown> }
  | { type: 'length'; min?: number; max?: number }
  | { type: 'rubric'; criteria: string; minScore?: number };

export interface CheckResult {
  type: Check['type'];
  passed: boolean;
  score?: number;
  /** Why it failed, in English (API clients), or the judge's reason. */
  message?: string;
  /** The same, as a code and its values, so the console words it in its own language. */
  reason?: CheckReason;
}

export type CheckReason =
  | { code: 'missing_text' | 'unwanted_text'; text: string }
  | { code: 'no_match'; pattern: string }
  | { code: 'too_short' | 'too_long'; length: number; limit: number }
  | { code: 'not_json' }
  | { code: 'schema_mismatch'; path: string; detail: string }
  | { code: 'below_min_score'; score: number; min: number };

/** Each type's own fields, exactly: a regex without `pattern`, or a `value` on a length check, is refused. */
const typeSchemas: Record<Check['type'], object> = {
  contains: { required: ['type', 'value'], properties: { type: {}, value: {} }, additionalProperties: false },
  notContains: { required: ['type', 'value'], properties: { type: {}, value: {} }, additionalProperties: false },
  regex: { required: ['type', 'pattern'], properties: { type: {}, pattern: {} }, additionalProperties: false },
  jsonSchema: { required: ['type', 'schema'], properties: { type: {}, schema: {} }, additionalProperties: false },
  length: {
    required: ['type'],
    anyOf: [{ required: ['min'] }, { required: ['max'] }],
    properties: { type: {}, min: {}, max: {} },
    additionalProperties: false,
  },
  rubric: {
    required: ['type', 'criteria'],
    properties: { type: {}, criteria: {}, minScore: {} },
    additionalProperties: false,
  },
};
const shapeAjv = new Ajv({ allErrors: true, strict: false });
const shapeValidators = Object.fromEntries(
  Object.entries(typeSchemas).map(([type, schema]) => [type, shapeAjv.compile({ type: 'object', ...schema })]),
) as Record<Check['type'], ValidateFunction>;

/**
 * Different output schemas one evaluation set may check answers against. Each is compiled when the set is saved,
 * about a millisecond for a small one, and kept with the rule sets' and prompts' validators: a set of 4 000 held the
 * event loop 4 s and pushed those validators out of their cache. The same schema used again counts once.
 */
export const MAX_SCHEMAS_PER_SET = 20;

/** Where a set uses one schema more than MAX_SCHEMAS_PER_SET, and how many different ones it has; none: it is within. */
export function tooManySchemas(cases: { expect: Expectation[] }[]): ErrorDetail | undefined {
  const seen = new Set<string>();
  let first: string | undefined;
  for (const [i, c] of cases.entries())
    for (const [j, e] of c.expect.entries()) {
      if (e.type !== 'jsonSchema' || e.schema === null || typeof e.schema !== 'object') continue;
      const id = checksumOf(e.schema);
      if (seen.has(id)) continue;
      seen.add(id);
      if (seen.size === MAX_SCHEMAS_PER_SET + 1) first = `/cases/${i}/expect/${j}/schema`;
    }
  return first === undefined
    ? undefined
    : {
        path: first,
        message: `is one schema more than a set may check answers against: this set has ${seen.size} different ones, at most ${MAX_SCHEMAS_PER_SET} (one used again counts once)`,
        keyword: 'maxSchemas',
        params: { limit: MAX_SCHEMAS_PER_SET, count: seen.size },
      };
}

/** The problems of one expectation (its fields for its type, its pattern, its schema), each at its path. */
export async function expectationProblems(expectation: Expectation, path: string): Promise<ErrorDetail[]> {
  const validate = shapeValidators[expectation.type];
  if (!validate(expectation)) return toErrorDetails(validate.errors, path);
  const problems: ErrorDetail[] = [];
  if (expectation.type === 'regex') {
    const problem = patternProblem(expectation.pattern!);
    if (problem) problems.push({ path: `${path}/pattern`, message: problem });
  } else if (expectation.type === 'jsonSchema') {
    problems.push(...(await schemaProblems(expectation.schema, `${path}/schema`)));
  } else if (expectation.type === 'length') {
    if (expectation.min !== undefined && expectation.max !== undefined && expectation.min > expectation.max)
      problems.push({ path: `${path}/min`, message: `is more than max (${expectation.max})` });
  }
  return problems;
}

/** The output as JSON: the whole text, else the inside of a fenced code block (models often fence JSON). */
export function parseJsonOutput(output: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const candidates = [output.trim()];
  const fenced = /```(?:json)?\s*\n([\s\S]*?)\n?```/.exec(output);
  if (fenced) candidates.push(fenced[1]!.trim());
  for (const text of candidates) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      // the next candidate
    }
  }
  return { ok: false, message: 'the output is not JSON' };
}

/** Runs one exact check on an output; rubrics are the judge's (see `judgeScore`). */
export async function runExactCheck(check: Exclude<Check, { type: 'rubric' }>, output: string): Promise<CheckResult> {
  switch (check.type) {
    case 'contains':
      return result(check.type, output.includes(check.value), `does not contain "${check.value}"`, {
        code: 'missing_text',
        text: check.value,
      });
    case 'notContains':
      return result(check.type, !output.includes(check.value), `contains "${check.value}"`, {
        code: 'unwanted_text',
        text: check.value,
      });
    case 'regex': {
      const pattern = linearPattern(check.pattern);
      return result(check.type, pattern?.test(output) ?? false, `does not match /${check.pattern}/`, {
        code: 'no_match',
        pattern: check.pattern,
      });
    }
    case 'length': {
      const n = [...output].length;
      if (check.min !== undefined && n < check.min)
        return result(check.type, false, `is ${n} characters, fewer than ${check.min}`, {
          code: 'too_short',
          length: n,
          limit: check.min,
        });
      if (check.max !== undefined && n > check.max)
        return result(check.type, false, `is ${n} characters, more than ${check.max}`, {
          code: 'too_long',
          length: n,
          limit: check.max,
        });
      return { type: check.type, passed: true };
    }
    case 'jsonSchema': {
      const parsed = parseJsonOutput(output);
      if (!parsed.ok) return result(check.type, false, parsed.message, { code: 'not_json' });
      const validate = await inputValidators.for(check.schema);
      if (validate(parsed.value)) return { type: check.type, passed: true };
      const [first] = toErrorDetails(validate.errors, '');
      const path = first?.path || '/';
      const detail = first?.message ?? '';
      return result(check.type, false, `does not match the schema: ${path} ${detail}`.trim(), {
        code: 'schema_mismatch',
        path,
        detail,
      });
    }
  }
}

function result(type: Check['type'], passed: boolean, message: string, reason: CheckReason): CheckResult {
  return passed ? { type, passed } : { type, passed, message, reason };
}

/**
 * The judge's score 1–5 out of its answer, read robustly: JSON `{"score": n}` (fenced or not), then
 * `score: n` / `note : n` / `n/5` / `n sur 5`, then an answer that is only the digit. Null when there is none,
 * or when the answer gives two different scores in the same form.
 */
export function judgeScore(answer: string): number | null {
  const parsed = parseJsonOutput(answer);
  if (parsed.ok && parsed.value !== null && typeof parsed.value === 'object') {
    const score = (parsed.value as Record<string, unknown>)['score'];
    const n = typeof score === 'string' ? Number(score) : score;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5) return n;
  }
  const forms = [
    /\b(?:score|note)\s*[:=]?\s*\**\s*([1-5])(?![0-9.])/gi,
    /(?<![0-9.])([1-5])\s*(?:\/|sur|out of)\s*5\b/gi,
  ];
  for (const form of forms) {
    const found = new Set([...answer.matchAll(form)].map((m) => Number(m[1])));
    if (found.size === 1) return [...found][0]!;
    if (found.size > 1) return null;
  }
  const bare = /^\s*\**([1-5])\**\s*\.?\s*$/.exec(answer);
  return bare ? Number(bare[1]) : null;
}

export const DEFAULT_MIN_SCORE = 3;
