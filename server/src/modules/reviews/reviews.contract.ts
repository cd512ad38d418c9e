import type { FromSchema } from 'json-schema-to-ts';
import { VISIBLE_TEXT_PATTERN } from '../../common/text/visible-text.js';

export const receiptQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    lang: {
      type: 'string',
      enum: ['fr', 'en'],
      default: 'fr',
      description: 'the language of the receipt (default fr)',
    },
  },
} as const;
export type ReceiptQuery = FromSchema<typeof receiptQuerySchema>;

const event = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' }, params: { type: 'object', additionalProperties: true } },
} as const;

/** Also the serializer of the 200 answer: a property it does not list is not sent. */
export const receiptSchema = {
  type: 'object',
  required: [
    'decisionId',
    'lang',
    'decision',
    'ruleset',
    'version',
    'checksum',
    'decidedAt',
    'personalInformation',
    'factors',
    'rights',
    'auditRef',
    'text',
  ],
  properties: {
    decisionId: { type: 'string' },
    lang: { type: 'string', enum: ['fr', 'en'] },
    title: { type: 'string' },
    decision: {
      type: 'object',
      required: ['events', 'outcome'],
      properties: {
        events: { type: 'array', items: event, description: "the automated decision's events" },
        outcome: {
          type: 'string',
          description:
            "the decision that holds, in words, in the requested language (a staff member's override, once decided)",
        },
        automatedOutcome: {
          type: 'string',
          description: 'present once a review overrode the decision: the automated decision, in words',
        },
      },
    },
    ruleset: { type: 'string' },
    rulesetName: { type: 'string' },
    version: { type: 'integer' },
    checksum: { type: 'string' },
    decidedAt: { type: 'string', format: 'date-time' },
    decidedAtText: { type: 'string', description: 'the date in words (fr-CA or en-CA, Québec time)' },
    personalInformation: {
      type: 'array',
      description: 'the information the decision was made from: every input field it received, titled',
      items: {
        type: 'object',
        required: ['path', 'title', 'personal', 'shown'],
        properties: {
          path: { type: 'string', description: 'JSON Pointer in the facts' },
          title: { type: 'string' },
          personal: { type: 'boolean', description: 'marked x-pii in the input schema' },
          shown: { type: 'boolean', description: 'false when the value is withheld from this reader' },
          value: { description: 'the value, when shown' },
          valueText: {
            type: 'string',
            description: "a coded value in words, in the receipt's language, when the input schema names it",
          },
        },
      },
    },
    personalValuesShown: { type: 'boolean', description: 'whether this reader may see personal values' },
    summary: { type: 'string', description: 'the whole explanation, in plain language' },
    factors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['text'],
        properties: {
          rule: { type: 'string' },
          text: { type: 'string' },
          path: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    pendingReview: {
      type: 'object',
      description: 'present while a review request of the decision is open (the latest received): when, and by when',
      required: ['submittedAt', 'dueAt', 'text'],
      additionalProperties: false,
      properties: {
        submittedAt: { type: 'string', format: 'date-time' },
        dueAt: { type: 'string', format: 'date-time' },
        text: { type: 'string', description: 'in words, in the receipt language' },
      },
    },
    review: {
      type: 'object',
      description: "what a staff member's review made of the decision, once decided (the latest)",
      required: ['outcome', 'decidedAt', 'text'],
      additionalProperties: false,
      properties: {
        outcome: { type: 'string', enum: ['confirmed', 'overridden'] },
        decidedAt: { type: 'string', format: 'date-time' },
        text: { type: 'string', description: 'in words, in the receipt language' },
        reason: {
          type: 'string',
          description: "the reviewer's reason, as written; only for readers who may see personal information",
        },
      },
    },
    rights: {
      type: 'object',
      required: ['correction', 'review'],
      properties: {
        correction: {
          type: 'object',
          required: ['title', 'text'],
          properties: { title: { type: 'string' }, text: { type: 'string' } },
        },
        review: {
          type: 'object',
          required: ['title', 'text'],
          properties: { title: { type: 'string' }, text: { type: 'string' } },
        },
      },
    },
    auditRef: { type: 'string', description: 'the id of the audit event that records this receipt' },
    auditHash: { type: 'string', description: 'that event’s hash in the audit chain' },
    text: { type: 'string', description: 'the whole receipt as plain text' },
  },
} as const;

export const submitReviewRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['observations'],
  properties: {
    observations: {
      type: 'string',
      minLength: 1,
      maxLength: 10000,
      pattern: VISIBLE_TEXT_PATTERN,
      description: 'some text in words, not only spaces',
    },
    receivedVia: {
      type: 'string',
      enum: ['in_person', 'phone', 'mail', 'email', 'online', 'other'],
      description: 'how the observations reached the staff member',
    },
  },
} as const;
export type SubmitReviewRequest = FromSchema<typeof submitReviewRequestSchema>;

export const decideReviewRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['outcome', 'reason'],
  // An override names the decision made instead; a confirmation keeps the automated one and names none.
  if: { type: 'object', properties: { outcome: { const: 'overridden' } } },
  then: { type: 'object', required: ['newDecision'], properties: { newDecision: { type: 'object' } } },
  else: { type: 'object', properties: { newDecision: false } },
  properties: {
    outcome: { type: 'string', enum: ['confirmed', 'overridden'] },
    reason: {
      type: 'string',
      minLength: 1,
      maxLength: 10000,
      pattern: VISIBLE_TEXT_PATTERN,
      description: 'a reason in words, not only spaces',
    },
    newDecision: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      description:
        'required when overridden: the decision the reviewer makes instead (kept beside the automated one); its type is one of the outcomes the reviewed version gives (the view’s `outcomes`)',
      properties: {
        type: { type: 'string', minLength: 1, maxLength: 64 },
        params: { type: 'object' },
      },
    },
  },
} as const;
export type DecideReviewRequest = FromSchema<typeof decideReviewRequestSchema>;

export const reviewsFilterSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    status: { type: 'string', enum: ['open', 'closed'] },
    ruleset: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
      // Worded as the rule set key it is (the console words a pattern's refusal by this description).
      description: 'lowercase letters, digits and dashes, 2 to 63 characters, such as invoices-2026',
    },
  },
} as const;
export interface ReviewsFilter {
  status?: 'open' | 'closed';
  ruleset?: string;
}

export const reviewViewSchema = {
  type: 'object',
  required: [
    'id',
    'decisionId',
    'ruleset',
    'version',
    'automatedDecision',
    'status',
    'observations',
    'submittedBy',
    'submittedAt',
    'dueAt',
    'overdue',
    'ageDays',
  ],
  properties: {
    id: { type: 'string' },
    decisionId: { type: 'string' },
    ruleset: { type: 'string' },
    version: { type: 'integer' },
    automatedDecision: { type: 'array', items: event, description: 'the events the automated decision returned' },
    status: { type: 'string', enum: ['open', 'closed'] },
    observations: { type: 'string' },
    receivedVia: { type: 'string' },
    submittedBy: { type: 'string', description: 'the username, or `api-key:<id>` when a system recorded it' },
    submitterName: { type: 'string', description: "when a system recorded it: its API key's name at the time" },
    submittedAt: { type: 'string', format: 'date-time' },
    dueAt: { type: 'string', format: 'date-time' },
    overdue: { type: 'boolean', description: 'open past its due date, or closed after it' },
    ageDays: { type: 'integer', description: 'whole days since submission (until the decision, once closed)' },
    outcome: { type: 'string', enum: ['confirmed', 'overridden'] },
    reason: { type: 'string' },
    newDecision: event,
    decidedBy: { type: 'string' },
    decidedAt: { type: 'string', format: 'date-time' },
    outcomes: {
      type: 'array',
      items: { type: 'string' },
      description: 'open requests: the outcomes the reviewed version gives, one of which an override decides',
    },
  },
} as const;
/** A review request as answered; the service builds it (toView), the schema is its type. */
export type ReviewView = FromSchema<typeof reviewViewSchema>;
