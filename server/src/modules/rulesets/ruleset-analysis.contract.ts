// What GET /rulesets/{key}/versions/{n}/analysis answers: see docs/adr/0025-static-analysis.md.
export const rulesetAnalysisSchema = {
  $id: 'RulesetAnalysis',
  type: 'object',
  required: ['findings', 'checked', 'notChecked'],
  properties: {
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'severity', 'path', 'message'],
        properties: {
          kind: {
            type: 'string',
            enum: ['overlap', 'gap', 'unreachable', 'contradiction', 'subsumed', 'type_mismatch', 'unknown_fact'],
          },
          severity: { type: 'string', enum: ['error', 'warning', 'info'] },
          path: { type: 'string', description: 'JSON pointer into the version content, e.g. /definition/rows/3' },
          message: { type: 'string' },
        },
      },
    },
    checked: { type: 'array', items: { type: 'string' }, description: 'what the analysis examined, in words' },
    notChecked: {
      type: 'array',
      description: 'questions the analysis could not decide (never read as "ok"), and why',
      items: {
        type: 'object',
        required: ['path', 'reason'],
        properties: { path: { type: 'string' }, reason: { type: 'string' } },
      },
    },
  },
} as const;
