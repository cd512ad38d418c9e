import { OPERATOR_PATTERN } from '../../engine/operator-names.js';

/** Limits that keep one rule set reviewable and cheap to evaluate; beyond them the API answers 400. */
export const LIMITS = {
  rules: 500,
  namedConditions: 200,
  conditionDepth: 12,
  /** Conditions a rule holds once its named conditions are put in place (a name used n times counts n times). */
  expandedConditionsPerRule: 5_000,
  /** The same over all the rules: what one run may have to evaluate (docs/adr/0034). */
  expandedConditions: 20_000,
  /**
   * Levels a rule's conditions nest once its named conditions are put in place: 200 named conditions in a chain,
   * each 11 levels deep, overflowed the stack of the compiler and of the replay that finds a missing fact (a 500
   * for every decision of that version). The compiler failed from about 1 400 levels with a deep caller.
   */
  expandedConditionDepth: 100,
  tableInputs: 30,
  tableRows: 2000,
  treeDepth: 20,
  branches: 20,
  tests: 500,
  contentBytes: 512 * 1024,
  /**
   * Tags of all the explanation templates together (docs/adr/0033): each is parsed and compiled when saved, about
   * 0.1 ms a tag. The invoice pilot's 58 explanations have 268.
   */
  explanationTags: 1_000,
} as const;

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const slug = {
  type: 'string',
  pattern: '^[a-z0-9][a-z0-9_-]{0,63}$',
  description: 'lowercase letters, digits, - or _, such as row-1 or node-3',
} as const;
const factName = {
  type: 'string',
  pattern: '^[A-Za-z_$][A-Za-z0-9_$-]{0,127}$',
  description: 'a fact name such as invoice or supplierRecord',
} as const;
// Keys only. jsonpath-plus reads some text inside brackets as its own syntax: `$['*']` is a wildcard, `$['..']`
// a descent, `$['a,b']` a union, and `$['^']` (parent), `$['~']` (names), `$['?(@)']` (a script) or `$['#0']`
// (its own placeholders) throw on an object, which answered 500 at evaluation. A bracketed key holds none of those
// characters, and a step is never `$` alone (the root again).
const factPath = {
  type: 'string',
  pattern:
    "^\\$(\\.(?!\\$(?![A-Za-z0-9_$-]))[A-Za-z_$][A-Za-z0-9_$-]*|\\[[0-9]+\\]|\\['(?!\\$'|\\.\\.')[^'\\\\()*,:;@[\\]^`~#]+'\\])*$",
  description:
    "a JSONPath into the fact such as $.total, $.lines[0].amount or $['montant-ht']; a key in brackets without ( ) * , : ; @ [ ] ^ ` ~ #",
} as const;
const operator = {
  type: 'string',
  pattern: OPERATOR_PATTERN,
  description: 'a known operator such as greaterThan, in, not:in, matches or withinTolerance',
} as const;
const eventType = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_]{0,63}$',
  description: 'snake_case such as auto_approve',
} as const;
const explanation = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { fr: text(2000), en: text(2000) },
} as const;
const event = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: { type: eventType, params: { type: 'object' } },
} as const;
// A value is a literal, or `{fact, path?, params?}` to compare with another fact (json-rules-engine semantics).
const value = {
  if: { type: 'object', required: ['fact'] },
  then: {
    type: 'object',
    additionalProperties: false,
    required: ['fact'],
    properties: { fact: factName, path: factPath, params: { type: 'object' } },
  },
} as const;
const conditionMeta = { name: text(120), priority: { type: 'integer', minimum: 1, maximum: 1000 } } as const;

/** Nested all/any/not groups, named-condition references and leaves. if/then chains keep ajv's errors on the branch in use. */
const conditionDefs = {
  condition: {
    type: 'object',
    if: { required: ['all'] },
    then: {
      additionalProperties: false,
      properties: { all: { type: 'array', maxItems: 100, items: { $ref: '#/$defs/condition' } }, ...conditionMeta },
    },
    else: {
      if: { required: ['any'] },
      then: {
        additionalProperties: false,
        properties: { any: { type: 'array', maxItems: 100, items: { $ref: '#/$defs/condition' } }, ...conditionMeta },
      },
      else: {
        if: { required: ['not'] },
        then: { additionalProperties: false, properties: { not: { $ref: '#/$defs/condition' }, ...conditionMeta } },
        else: {
          if: { required: ['condition'] },
          then: { additionalProperties: false, properties: { condition: text(120), ...conditionMeta } },
          else: {
            required: ['fact', 'operator', 'value'],
            additionalProperties: false,
            properties: {
              fact: factName,
              operator,
              value,
              path: factPath,
              params: { type: 'object' },
              ...conditionMeta,
            },
          },
        },
      },
    },
  },
} as const;

const rule = {
  type: 'object',
  required: ['name', 'conditions', 'event'],
  additionalProperties: false,
  properties: {
    name: text(120),
    description: text(2000),
    priority: { type: 'integer', minimum: 1, maximum: 1000 },
    conditions: { $ref: '#/$defs/condition' },
    event,
    explanation,
  },
} as const;

export const rulesDefinitionSchema = {
  $defs: conditionDefs,
  type: 'object',
  required: ['rules'],
  additionalProperties: false,
  properties: {
    rules: { type: 'array', minItems: 1, maxItems: LIMITS.rules, items: rule },
    conditions: {
      type: 'object',
      maxProperties: LIMITS.namedConditions,
      propertyNames: { minLength: 1, maxLength: 120 },
      additionalProperties: { $ref: '#/$defs/condition' },
    },
  },
} as const;

const cell = {
  type: 'object',
  required: ['operator', 'value'],
  additionalProperties: false,
  properties: { operator, value },
} as const;

export const decisionTableDefinitionSchema = {
  type: 'object',
  required: ['hitPolicy', 'inputs', 'rows'],
  additionalProperties: false,
  properties: {
    hitPolicy: {
      type: 'string',
      enum: ['first', 'collect', 'unique', 'any'],
      description:
        'first: the first matching row; collect: every matching row; unique: at most one row may match; any: matching rows must give the same event (docs/adr/0026)',
    },
    inputs: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.tableInputs,
      items: {
        type: 'object',
        required: ['id', 'fact'],
        additionalProperties: false,
        properties: { id: slug, label: text(200), fact: factName, path: factPath },
      },
    },
    rows: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.tableRows,
      items: {
        type: 'object',
        required: ['id', 'cells', 'event'],
        additionalProperties: false,
        properties: {
          id: slug,
          cells: { type: 'object', propertyNames: slug, additionalProperties: cell },
          event,
          explanation,
        },
      },
    },
  },
} as const;

export const decisionTreeDefinitionSchema = {
  $defs: {
    ...conditionDefs,
    node: {
      type: 'object',
      if: { required: ['outcome'] },
      then: {
        required: ['id', 'outcome'],
        additionalProperties: false,
        properties: { id: slug, label: text(200), labelEn: text(200), outcome: event, explanation },
      },
      else: {
        required: ['id', 'branches'],
        additionalProperties: false,
        properties: {
          id: slug,
          label: text(200),
          labelEn: text(200),
          branches: {
            type: 'array',
            minItems: 1,
            maxItems: LIMITS.branches,
            items: {
              type: 'object',
              required: ['when', 'node'],
              additionalProperties: false,
              properties: {
                label: text(200),
                labelEn: text(200),
                when: { $ref: '#/$defs/condition' },
                node: { $ref: '#/$defs/node' },
              },
            },
          },
          otherwise: { $ref: '#/$defs/node' },
        },
      },
    },
  },
  type: 'object',
  required: ['root'],
  additionalProperties: false,
  properties: { root: { $ref: '#/$defs/node' } },
} as const;

export const rulesetTestsSchema = {
  type: 'array',
  maxItems: LIMITS.tests,
  items: {
    type: 'object',
    required: ['name', 'facts', 'expectedEvents'],
    additionalProperties: false,
    properties: { name: text(200), facts: { type: 'object' }, expectedEvents: { type: 'array', items: eventType } },
  },
} as const;

export const computedFactsSchema = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    required: ['name', 'expression'],
    additionalProperties: false,
    properties: {
      name: factName,
      expression: {
        type: 'string',
        minLength: 1,
        maxLength: 4000,
        description:
          'a CEL expression over the facts and earlier computed facts (docs/adr/0010-computed-facts.md), e.g. round(invoice.subtotal * 0.05, 2); refused at save when it does not compile or nests comprehensions',
      },
    },
  },
} as const;

export const settingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    logDecisions: { type: 'boolean', description: 'store a decision record for each evaluation (default true)' },
    decidesAboutPersons: {
      type: 'boolean',
      description:
        'its decisions are about persons (Law 25, s. 65.2): receipts and review requests exist for them (default false); needs logDecisions',
    },
  },
} as const;

export const lookupsSchema = {
  type: 'array',
  maxItems: 50,
  items: {
    type: 'object',
    required: ['fact', 'table', 'key'],
    additionalProperties: false,
    properties: {
      fact: factName,
      table: {
        type: 'string',
        pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
        description: 'a reference table key such as suppliers',
      },
      key: {
        type: 'object',
        additionalProperties: false,
        properties: {
          fact: factName,
          path: factPath,
          value: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            description: 'a fixed key instead of a fact: the same row (or rows) for every decision',
          },
        },
        oneOf: [
          { required: ['fact'], not: { required: ['value'] } },
          { required: ['value'], not: { anyOf: [{ required: ['fact'] }, { required: ['path'] }] } },
        ],
      },
      column: {
        type: 'string',
        pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$',
        description:
          'all the rows whose column equals the key, as a list (the lines of a purchase order), instead of the row whose key column does',
      },
    },
  },
} as const;
