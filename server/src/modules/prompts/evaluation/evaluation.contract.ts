import type { FromSchema } from 'json-schema-to-ts';

// Evaluation sets of a prompt and their runs on a version beside the version in force (docs/adr/0031).

/** One expectation as the contract shows it; each type's own fields are checked by its schema (evaluation-checks.ts). */
export const expectationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { type: 'string', enum: ['contains', 'notContains', 'regex', 'jsonSchema', 'length', 'rubric'] },
    value: { type: 'string', minLength: 1, maxLength: 2000, description: 'contains, notContains' },
    pattern: { type: 'string', minLength: 1, maxLength: 200, description: 'regex (RE2 syntax, linear time)' },
    schema: { type: 'object', description: 'jsonSchema: the output parsed as JSON must match it' },
    min: { type: 'integer', minimum: 0, description: 'length: fewest characters' },
    max: { type: 'integer', minimum: 1, description: 'length: most characters' },
    criteria: { type: 'string', minLength: 1, maxLength: 4000, description: 'rubric: what the judge scores' },
    minScore: { type: 'integer', minimum: 1, maximum: 5, description: 'rubric: lowest passing score (default 3)' },
  },
} as const;

export const createEvaluationSetRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'cases'],
  properties: {
    name: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      description: 'lowercase letters, digits and dashes, such as regression',
    },
    cases: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['variables', 'expect'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          variables: { type: 'object' },
          expect: { type: 'array', minItems: 1, maxItems: 20, items: expectationSchema },
        },
      },
    },
    judgePrompt: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
      description: 'key of the prompt whose version in force judges rubrics',
    },
  },
} as const;
export type CreateEvaluationSetRequest = FromSchema<typeof createEvaluationSetRequestSchema>;
export type Expectation = FromSchema<typeof expectationSchema>;

/** What a set's view and its summary both say about it. */
const setFields = {
  id: { type: 'string' },
  prompt: { type: 'string' },
  name: { type: 'string' },
  judgePrompt: { type: 'string' },
  createdAt: { type: 'string', format: 'date-time' },
  createdBy: { type: 'string' },
} as const;

export const evaluationSetViewSchema = {
  $id: 'EvaluationSetView',
  type: 'object',
  required: ['id', 'prompt', 'name', 'cases', 'createdAt', 'createdBy'],
  properties: { ...setFields, cases: createEvaluationSetRequestSchema.properties.cases },
} as const;

/**
 * A set as listed: how many cases, not the cases (up to 200 of them, a megabyte, in each of up to 500 sets); one
 * set's cases are read with `GET …/evaluation-sets/{name}`.
 */
export const evaluationSetSummarySchema = {
  $id: 'EvaluationSetSummary',
  type: 'object',
  required: ['id', 'prompt', 'name', 'caseCount', 'createdAt', 'createdBy'],
  properties: { ...setFields, caseCount: { type: 'integer', minimum: 1 } },
} as const;

export const startEvaluationRunRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['set'],
  properties: {
    set: { type: 'string', minLength: 1, maxLength: 63, description: 'name of the evaluation set' },
    budgetTokens: {
      type: 'integer',
      minimum: 1,
      maximum: 10000000,
      description:
        'tokens (input and output, judges included) after which no case is started (default EVAL_RUN_BUDGET_TOKENS)',
    },
  },
} as const;
export type StartEvaluationRunRequest = FromSchema<typeof startEvaluationRunRequestSchema>;

const interval = {
  type: 'array',
  items: { type: 'number' },
  minItems: 2,
  maxItems: 2,
} as const;

const sideSummary = {
  type: 'object',
  required: ['version', 'cases', 'passed', 'failed', 'errors', 'skipped', 'passRate', 'score', 'tokens', 'costUsd'],
  properties: {
    version: { type: 'integer' },
    cases: { type: 'integer', description: 'cases evaluated (not skipped)' },
    passed: { type: 'integer' },
    failed: { type: 'integer', description: 'a case with an error is failed' },
    errors: { type: 'integer' },
    skipped: { type: 'integer' },
    passRate: {
      type: 'object',
      required: ['rate', 'interval'],
      properties: { rate: { type: 'number' }, interval: { ...interval, description: 'Wilson score interval at 95 %' } },
    },
    score: {
      type: ['object', 'null'],
      description: 'mean rubric score (1–5) with a Student t interval at 95 %; null without rubric scores',
      required: ['mean', 'n', 'interval'],
      properties: {
        mean: { type: 'number' },
        n: { type: 'integer' },
        interval: { type: ['array', 'null'], items: { type: 'number' } },
      },
    },
    tokens: {
      type: 'object',
      required: ['input', 'output'],
      properties: { input: { type: 'integer' }, output: { type: 'integer' } },
    },
    costUsd: { type: 'number' },
    latencyMs: {
      type: 'object',
      required: ['mean', 'max', 'total'],
      properties: { mean: { type: 'number' }, max: { type: 'number' }, total: { type: 'number' } },
    },
  },
} as const;

const checkResult = {
  type: 'object',
  required: ['type', 'passed'],
  properties: {
    type: { type: 'string' },
    passed: { type: 'boolean' },
    score: { type: 'integer', description: 'rubric: the judge’s score 1–5' },
    message: { type: 'string', description: 'why it failed (in English), or the judge’s reason' },
    reason: {
      type: 'object',
      description:
        'why it failed, as a code and its values, for clients that word it in their own language (runs stored before 2026-12 have none)',
      required: ['code'],
      properties: {
        code: {
          type: 'string',
          enum: [
            'missing_text',
            'unwanted_text',
            'no_match',
            'too_short',
            'too_long',
            'not_json',
            'schema_mismatch',
            'below_min_score',
          ],
        },
        text: { type: 'string', description: 'missing_text, unwanted_text: the text looked for' },
        pattern: { type: 'string', description: 'no_match: the regular expression' },
        length: { type: 'integer', description: 'too_short, too_long: the output’s length in characters' },
        limit: { type: 'integer', description: 'too_short, too_long: the check’s min or max' },
        path: { type: 'string', description: 'schema_mismatch: where the output departs from the schema' },
        detail: { type: 'string', description: 'schema_mismatch: what the schema says there (in English)' },
        score: { type: 'integer', description: 'below_min_score: the judge’s score' },
        min: { type: 'integer', description: 'below_min_score: the lowest passing score' },
      },
    },
  },
} as const;

const caseSide = {
  type: 'object',
  required: ['version', 'passed', 'checks'],
  properties: {
    version: { type: 'integer' },
    passed: { type: 'boolean' },
    output: { type: 'string' },
    outputLength: {
      type: 'integer',
      description:
        'present when the output was shortened to be stored (a run is one document): the whole output’s length in characters; the checks ran on the whole output',
    },
    error: { type: 'string', description: 'the case could not be evaluated (render, model or judge failure)' },
    checks: { type: 'array', items: checkResult },
    tokens: {
      type: 'object',
      required: ['input', 'output'],
      properties: { input: { type: 'integer' }, output: { type: 'integer' } },
    },
    costUsd: { type: 'number' },
    latencyMs: { type: 'number' },
  },
} as const;

export const evaluationRunViewSchema = {
  $id: 'EvaluationRunView',
  type: 'object',
  required: [
    'id',
    'prompt',
    'version',
    'checksum',
    'set',
    'inForceVersion',
    'budgetTokens',
    'tokensUsed',
    'stoppedBy',
    'passRate',
    'scores',
    'cost',
    'latency',
    'cases',
    'createdAt',
    'createdBy',
  ],
  properties: {
    id: { type: 'string' },
    prompt: { type: 'string' },
    version: { type: 'integer' },
    checksum: {
      type: 'string',
      description: 'the content evaluated: a publication gate asks for a run on its checksum',
    },
    set: { type: 'string' },
    inForceVersion: { type: ['integer', 'null'], description: 'the version in force compared with, if any' },
    budgetTokens: { type: 'integer' },
    tokensUsed: {
      type: 'integer',
      description: 'may pass budgetTokens: the cases already running when the budget runs out (4 at once) finish',
    },
    budgetExhausted: { type: 'boolean', description: 'cases were left unrun because the token budget ran out' },
    stoppedBy: {
      type: ['string', 'null'],
      enum: ['budget', 'time', 'caller_gone', null],
      description:
        'why cases were left unrun, null when every case ran: the token budget, the time a run has (EVAL_RUN_BUDGET_MS), or the caller closed the request (what ran is kept); a publication gate counts no run that skipped cases',
    },
    passRate: {
      type: 'object',
      required: ['candidate', 'inForce'],
      properties: {
        candidate: sideSummary.properties.passRate,
        inForce: { ...sideSummary.properties.passRate, type: ['object', 'null'] },
      },
    },
    scores: {
      type: 'object',
      required: ['candidate', 'inForce'],
      properties: { candidate: sideSummary.properties.score, inForce: sideSummary.properties.score },
    },
    cost: {
      type: 'object',
      required: ['candidateUsd', 'inForceUsd', 'totalUsd'],
      properties: { candidateUsd: { type: 'number' }, inForceUsd: { type: 'number' }, totalUsd: { type: 'number' } },
    },
    latency: {
      type: 'object',
      required: ['candidate', 'inForce'],
      properties: {
        candidate: sideSummary.properties.latencyMs,
        inForce: { ...sideSummary.properties.latencyMs, type: ['object', 'null'] },
      },
    },
    summary: {
      type: 'object',
      required: ['candidate', 'inForce'],
      properties: { candidate: sideSummary, inForce: { ...sideSummary, type: ['object', 'null'] } },
    },
    cases: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index'],
        properties: {
          index: { type: 'integer' },
          name: { type: 'string' },
          variables: { type: 'object' },
          skipped: {
            type: 'string',
            enum: ['budget', 'time', 'caller_gone'],
            description: 'the case did not run (or its model calls were cut short by the caller leaving), and why',
          },
          candidate: caseSide,
          inForce: caseSide,
        },
      },
    },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: { type: 'string' },
  },
} as const;
