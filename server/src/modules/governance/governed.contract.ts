import type { FromSchema } from 'json-schema-to-ts';
import { versionNumberSchema } from '../../common/http/version-number.js';
import { VISIBLE_TEXT_PATTERN } from '../../common/text/visible-text.js';

// Requests and views of the lifecycle every governed resource shares (rule sets, prompts, experiments).

/** A comment the audit trail keeps with a transition. */
const comment = { type: 'string', maxLength: 4000 } as const;

export const transitionRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { comment },
} as const;
export type TransitionRequest = FromSchema<typeof transitionRequestSchema>;

/** Submitting: the comment, and the draft's revision as the analyst read it. */
export const submitRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    comment,
    revision: {
      type: 'integer',
      minimum: 1,
      description:
        "the draft's revision as the analyst read it (the version's `revision`); when the draft was saved again since, the submission is refused with 409 draft_changed. The console always sends it.",
    },
  },
} as const;
export type SubmitRequest = FromSchema<typeof submitRequestSchema>;

/** Approving or rejecting: the comment, and the checksum of the content the approver read. */
export const reviewRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    comment,
    checksum: {
      type: 'string',
      maxLength: 128,
      description:
        'the checksum of the version as the approver read it; when it is no longer the version’s (it was rejected, changed and submitted again since), the decision is refused with 409 reviewed_content_changed. The console always sends it.',
    },
  },
} as const;
export type ReviewRequest = FromSchema<typeof reviewRequestSchema>;

export const publishRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    comment,
    effectiveFrom: {
      type: 'string',
      format: 'date-time',
      description: 'in force from this instant (default: now); a future instant schedules it',
    },
    effectiveTo: { type: 'string', format: 'date-time' },
  },
} as const;
export type PublishRequest = FromSchema<typeof publishRequestSchema>;

/** A reason others will read in the trail: required, and more than spaces. */
const reason = {
  type: 'string',
  minLength: 1,
  maxLength: 4000,
  pattern: VISIBLE_TEXT_PATTERN,
  description: 'a reason in words, not only spaces',
} as const;

export const rollbackRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'comment'],
  properties: {
    version: versionNumberSchema,
    comment: reason,
    from: {
      ...versionNumberSchema,
      description:
        'the version in force as the caller saw it: refused (409 concurrent_publication) if another is in force now, so a rollback decided on a page read before a publication does not undo it',
    },
  },
} as const;
export type RollbackRequest = FromSchema<typeof rollbackRequestSchema>;

export const unscheduleRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['comment'],
  properties: { comment: reason },
} as const;
export type UnscheduleRequest = FromSchema<typeof unscheduleRequestSchema>;

export const diffQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: {
      type: 'string',
      pattern: '^([1-9][0-9]{0,5}|draft|active)$',
      description: 'a version number, draft or active',
    },
    to: {
      type: 'string',
      pattern: '^([1-9][0-9]{0,5}|draft|active)$',
      description: 'a version number, draft or active',
    },
  },
} as const;
export type DiffQuery = FromSchema<typeof diffQuerySchema>;

const text = { type: 'string' } as const;
const instant = { type: 'string', format: 'date-time' } as const;

/** A decision to put a version in force from an instant: a publication or a rollback. */
const publicationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'effectiveFrom', 'publishedBy', 'publishedAt', 'kind'],
  properties: {
    version: { type: 'integer' },
    effectiveFrom: instant,
    effectiveTo: instant,
    publishedBy: text,
    publishedAt: instant,
    kind: { type: 'string', enum: ['publish', 'rollback'] },
    comment: text,
  },
} as const;

/** What is known of a version besides its content: who did what when, its comments, its last test run. */
const versionProperties = {
  id: { type: 'integer', description: 'the version number (react-admin reads `id`)' },
  number: { type: 'integer' },
  status: { type: 'string', enum: ['draft', 'in_review', 'approved', 'published', 'retired'] },
  checksum: { ...text, description: 'of the content; set once submitted' },
  basedOn: { type: 'integer', description: 'the version a draft started from' },
  revision: {
    type: 'integer',
    description: 'the draft only: its revision, one more at each save; submitting it may name it (`revision`)',
  },
  authors: { type: 'array', items: text },
  createdBy: text,
  createdAt: instant,
  submittedBy: text,
  submittedAt: instant,
  approvedBy: text,
  approvedAt: instant,
  approvalChecksum: { ...text, description: 'the approval holds only for this exact content' },
  rejectedBy: text,
  rejectedAt: instant,
  publishedBy: text,
  publishedAt: instant,
  comments: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['by', 'at', 'action', 'text'],
      properties: { by: text, at: instant, action: text, text },
    },
  },
  testRun: {
    type: 'object',
    additionalProperties: false,
    required: ['checksum', 'passed', 'failed', 'at', 'by'],
    properties: {
      checksum: text,
      passed: { type: 'integer' },
      failed: { type: 'integer' },
      skipped: {
        type: 'integer',
        description: "prompts: cases that check the model's answer and were not checked; absent when none",
      },
      at: instant,
      by: text,
    },
  },
  inForce: { type: 'boolean' },
  publications: { type: 'array', items: publicationSchema },
  shadow: {
    type: 'object',
    additionalProperties: false,
    required: ['percent', 'running', 'startedAt'],
    description:
      "rule sets: the version's latest shadow run, running or ended (its report: GET …/versions/{n}/shadow); absent when it never ran in shadow",
    properties: { percent: { type: 'integer' }, running: { type: 'boolean' }, startedAt: instant, stoppedAt: instant },
  },
} as const;
const versionRequired = ['id', 'number', 'status', 'authors', 'createdBy', 'createdAt', 'comments', 'inForce'] as const;

export const versionViewSchema = {
  $id: 'VersionView',
  type: 'object',
  additionalProperties: false,
  required: [...versionRequired, 'publications'],
  properties: versionProperties,
} as const;

/**
 * A governed resource as read (`name`: PromptView…): its metadata (`meta`, required unless `optionalMeta` names
 * it), versions with derived statuses, what is in force and what is scheduled.
 */
export function governedViewSchema(name: string, meta: Record<string, object>, optionalMeta: string[] = []) {
  return {
    $id: name,
    type: 'object',
    additionalProperties: false,
    required: [
      'id',
      'key',
      ...Object.keys(meta).filter((field) => !optionalMeta.includes(field)),
      'archived',
      'activeVersion',
      'draftVersion',
      'latestVersion',
      'scheduled',
      'versions',
      'createdBy',
      'createdAt',
      'updatedAt',
    ],
    properties: {
      id: { ...text, description: 'the key (react-admin reads `id`)' },
      key: text,
      ...meta,
      archived: { type: 'boolean' },
      archival: {
        type: 'object',
        description: 'who archived it (stopped it, for an experiment), when and why; absent for older archives',
        required: ['by', 'at'],
        properties: { by: text, at: instant, comment: text },
      },
      activeVersion: { type: ['integer', 'null'], description: 'the version in force now' },
      draftVersion: { type: ['integer', 'null'] },
      latestVersion: { type: 'integer' },
      scheduled: { type: 'array', items: publicationSchema, description: 'publications that take effect later' },
      versions: { type: 'array', items: versionViewSchema },
      createdBy: text,
      createdAt: instant,
      updatedAt: instant,
      version: { const: 1, description: "only in a create's answer: the first draft's number" },
      status: { const: 'draft', description: "only in a create's answer: the first draft's status" },
    },
  } as const;
}

/** A version as read on its own (GET …/versions/{n}): its view and its content. */
export function versionWithContentSchema(contentSchema: object) {
  return {
    type: 'object',
    additionalProperties: false,
    required: [...versionRequired, 'content'],
    properties: { ...versionProperties, content: { ...contentSchema, description: "the version's content" } },
  } as const;
}

/** One field that differs between two versions: where (a JSON Pointer), its value before and after. */
export const fieldChangeSchema = {
  type: 'object',
  required: ['path'],
  additionalProperties: false,
  properties: {
    path: { type: 'string', description: 'JSON Pointer of the field' },
    before: { description: 'absent when the field was added' },
    after: { description: 'absent when the field was removed' },
  },
} as const;

/** What GET …/diff answers: the two version numbers compared, and what the resource lists as changed. */
export function diffResponseSchema(changes: Record<string, object>) {
  return {
    type: 'object',
    required: ['from', 'to', ...Object.keys(changes)],
    additionalProperties: false,
    properties: { from: { type: 'integer' }, to: { type: 'integer' }, ...changes },
  } as const;
}
