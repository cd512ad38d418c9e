// What GET /rulesets/{key}/versions/{n}/analysis answers: see docs/adr/0025-static-analysis.md.

/** A text for people in both languages, French first. */
const words = {
  type: 'object',
  required: ['fr', 'en'],
  properties: { fr: { type: 'string' }, en: { type: 'string' } },
} as const;

export const rulesetAnalysisSchema = {
  $id: 'RulesetAnalysis',
  type: 'object',
  required: ['findings', 'checked', 'checkedText', 'notChecked'],
  properties: {
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'severity', 'path', 'message', 'text'],
        properties: {
          kind: {
            type: 'string',
            enum: [
              'overlap',
              'gap',
              'unreachable',
              'contradiction',
              'subsumed',
              'type_mismatch',
              'unknown_fact',
              'outcome_typo',
              'default_row',
            ],
          },
          severity: { type: 'string', enum: ['error', 'warning', 'info'] },
          path: { type: 'string', description: 'JSON pointer into the version content, e.g. /definition/rows/3' },
          message: { type: 'string', description: 'the English of text' },
          text: { ...words, description: 'what was found, in French and English' },
        },
      },
    },
    checked: { type: 'array', items: { type: 'string' }, description: 'what the analysis examined, in English' },
    checkedText: { type: 'array', items: words, description: 'what the analysis examined, in French and English' },
    notChecked: {
      type: 'array',
      description: 'questions the analysis could not decide (never read as "ok"), and why',
      items: {
        type: 'object',
        required: ['path', 'reason', 'text'],
        properties: {
          path: { type: 'string' },
          reason: { type: 'string', description: 'the English of text' },
          text: { ...words, description: 'why it was not decided, in French and English' },
        },
      },
    },
  },
} as const;
