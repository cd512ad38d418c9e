import localizeEn from 'ajv-i18n/localize/en';
import localizeFr from 'ajv-i18n/localize/fr';
import type { ErrorObject } from 'ajv';
import type { ApiErrorDetail } from '../api/types';
import { PATTERN_FORMATS } from './pattern-formats';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A field-level problem as the API reports it: the English message, and what kind of problem it is. */
export type ApiDetail = Omit<ApiErrorDetail, 'path'> & { path?: string };

/** Keywords the console words itself: the API rephrases these too (a missing field is named by its path). */
// `undefined`: no wording of its own (ajv-i18n's may apply); `null`: the API's message says more, keep it.
/**
 * Bounds in words (« ne peut pas être vide », « doit être au moins 1 »): ajv-i18n wrote « ne doit pas faire moins de
 * 1 caractère », « doit être >= 1 » and "must NOT be shorter than 1 character" (a console review). Undefined for
 * other keywords, or a bound without its limit.
 */
export function boundWording(
  keyword: string | undefined,
  params: Record<string, unknown> | undefined,
  translate: Translate,
): string | undefined {
  const limit = params?.['limit'];
  if (typeof limit !== 'number' || keyword === undefined) return undefined;
  switch (keyword) {
    case 'minLength':
      return limit === 1
        ? translate('gabarit.details.bounds.not_empty')
        : translate('gabarit.details.bounds.min_length', { smart_count: limit });
    case 'maxLength':
      return translate('gabarit.details.bounds.max_length', { smart_count: limit });
    case 'minItems':
      return translate('gabarit.details.bounds.min_items', { smart_count: limit });
    case 'maxItems':
      return translate('gabarit.details.bounds.max_items', { smart_count: limit });
    case 'minimum':
      return translate('gabarit.details.bounds.minimum', { limit });
    case 'maximum':
      return translate('gabarit.details.bounds.maximum', { limit });
    case 'exclusiveMinimum':
      return translate('gabarit.details.bounds.exclusive_minimum', { limit });
    case 'exclusiveMaximum':
      return translate('gabarit.details.bounds.exclusive_maximum', { limit });
    default:
      return undefined;
  }
}

const OWN_WORDING: Record<
  string,
  (params: Record<string, unknown>, translate: Translate) => string | null | undefined
> = {
  required: (_params, translate) => translate('gabarit.details.required'),
  additionalProperties: (_params, translate) => translate('gabarit.details.not_allowed'),
  taken: (_params, translate) => translate('gabarit.details.taken'),
  // No version in force for a decision (server: evaluation.service.ts): nothing published, too early, or a gap.
  notInForce: (params, translate) =>
    ['nothing_published', 'before_first', 'gap'].includes(String(params['reason']))
      ? translate(`gabarit.details.not_in_force_${String(params['reason'])}`, {
          first: String(params['firstEffectiveFrom'] ?? ''),
        })
      : undefined,
  // The credentials a 401 or 403 refused, by the header they came in (server: auth/access.guard.ts).
  credentials: (params, translate) =>
    ['missing', 'refused', 'insufficient'].includes(String(params['state']))
      ? translate(`gabarit.details.credentials_${String(params['state'])}`)
      : undefined,
  // An experiment's variant naming a version of its prompt that is not published (server: experiments.service.ts).
  notPublished: (params, translate) =>
    typeof params['version'] === 'number'
      ? translate('gabarit.details.not_published', { version: params['version'] })
      : undefined,
  // A prompt's model that the provider retires (server: llm/model-lifecycle.ts), with its end of life.
  retiringModel: (params, translate) =>
    typeof params['model'] === 'string'
      ? translate('gabarit.details.retiring_model', { model: params['model'], endOfLife: params['endOfLife'] ?? '—' })
      : undefined,
  // A prompt another experiment runs on, or is starting or scheduled to (server: experiments.service.ts).
  takenBy: (params, translate) =>
    typeof params['experiment'] === 'string'
      ? translate('gabarit.details.taken_by', { experiment: params['experiment'] })
      : undefined,
  // A transition refused for the version's status (server: governance/lifecycle.ts), or because it is in force.
  versionStatus: (params, translate) =>
    typeof params['status'] === 'string'
      ? translate('gabarit.details.version_status', {
          status: translate(`gabarit.status.${params['status']}`, { _: params['status'] }),
        })
      : undefined,
  inForce: (_params, translate) => translate('gabarit.details.in_force'),
  // Lifecycle refusals (server: governance/lifecycle.ts): what stands in the transition's way.
  draftExists: (params, translate) =>
    typeof params['draft'] === 'number' ? translate('gabarit.details.draft_exists', params) : undefined,
  staleBase: (params, translate) =>
    typeof params['inForce'] !== 'number'
      ? undefined
      : typeof params['basedOn'] === 'number'
        ? translate('gabarit.details.stale_base', params)
        : translate('gabarit.details.stale_base_none', params),
  scheduledLater: (params, translate) =>
    typeof params['scheduled'] === 'number' ? translate('gabarit.details.scheduled_later', params) : undefined,
  testsNotRun: (_params, translate) => translate('gabarit.details.tests_not_run'),
  testsFailed: (params, translate) =>
    typeof params['failed'] === 'number'
      ? translate('gabarit.details.tests_failed', { smart_count: params['failed'] })
      : undefined,
  tooLateToWithdraw: (_params, translate) => translate('gabarit.details.too_late_to_withdraw'),
  concurrentPublication: (_params, translate) => translate('gabarit.details.concurrent_publication'),
  // A rollback decided on a page showing another version in force than the one in force now.
  inForceChanged: (_params, translate) => translate('gabarit.details.concurrent_publication'),
  // Reference tables: who proposed the change waiting (four eyes), a change that crossed another.
  proposedBy: (params, translate) =>
    typeof params['proposedBy'] === 'string' ? translate('gabarit.details.proposed_by', params) : undefined,
  changedMeanwhile: (_params, translate) => translate('gabarit.details.changed_meanwhile'),
  // An If-Match naming an older copy (server: common/http/if-match.ts).
  staleCopy: (_params, translate) => translate('gabarit.details.stale_copy'),
  // A prompt version an experiment serves, which a rollback or a withdrawal would take out of service.
  servedBy: (params, translate) =>
    typeof params['experiment'] === 'string' && typeof params['version'] === 'number'
      ? translate('gabarit.details.served_by', params)
      : undefined,
  // Content over its size limit, at its heaviest part (server: common/json/canonical.ts, heaviestPart).
  maxBytes: (params, translate) =>
    typeof params['partKiB'] === 'number' ? translate('gabarit.details.max_bytes', params) : undefined,
  // An evaluation set checking answers against too many different schemas (server: prompts/evaluation).
  maxSchemas: (params, translate) =>
    typeof params['count'] === 'number' ? translate('gabarit.details.max_schemas', params) : undefined,
  // A review override naming the automated decision itself (server: reviews/reviews.service.ts).
  sameAsAutomated: (_params, translate) => translate('gabarit.details.same_as_automated'),
  nothingToConfirm: (_params, translate) => translate('gabarit.details.nothing_to_confirm'),
  // A file not in UTF-8 (server: common/http/xml-body-parser.ts): not UTF-8 at all, UTF-16, or declared otherwise.
  encoding: (params, translate) =>
    typeof params['reason'] === 'string' && ['not_utf8', 'utf16', 'declared'].includes(params['reason'])
      ? translate(`gabarit.details.encoding.${params['reason']}`, { encoding: params['encoding'] ?? '' })
      : undefined,
  // A name or id used a second time (a variant, a column, a row or node id): said at its second use.
  duplicate: (params, translate) =>
    typeof params['value'] === 'string'
      ? translate('gabarit.details.duplicate', { value: params['value'] })
      : undefined,
  // An admin's own account: removing its admin role or disabling it would leave it out of administration.
  selfLockout: (_params, translate) => translate('gabarit.details.self_lockout'),
  // The last enabled admin account: disabling it or removing its admin role would leave nobody to administer.
  lastAdmin: (_params, translate) => translate('gabarit.details.last_admin'),
  // A `matches` pattern the server's RE2 refuses (server: engine/linear-pattern.ts patternRefusal): RE2's own reason
  // stays in English, in parentheses, as the place to look.
  regex: (params, translate) => {
    const reason = params['reason'];
    if (reason === 'invalid')
      return translate('gabarit.details.regex.invalid', { engine: String(params['engine'] ?? '') });
    if (reason === 'too_long' || reason === 'too_large')
      return translate(`gabarit.details.regex.${reason}`, { limit: params['limit'] ?? '' });
    return undefined;
  },
  // A password zxcvbn finds easy to guess (server: users/password-strength.ts), with its reason when it names one.
  weakPassword: (params, translate) => {
    const reason =
      typeof params['warning'] === 'string'
        ? translate(`gabarit.details.weak_password.reasons.${params['warning']}`, { _: '' })
        : '';
    return reason
      ? translate('gabarit.details.weak_password.because', { reason })
      : translate('gabarit.details.weak_password.plain');
  },
  // An evaluation set's judge prompt (server: evaluation.service.ts createSet) cannot take what a judge is given.
  judgeVariables: (_params, translate) => translate('gabarit.details.judge_variables'),
  // A started experiment's split (server: experiments.service.ts checkAssignmentKept): this part is not the one it
  // serves by.
  assignmentChanged: (params, translate) =>
    typeof params['version'] === 'number'
      ? translate('gabarit.details.assignment_changed', { version: params['version'] })
      : undefined,
  // An operator stacking more decorators than a rule may (server: engine/operator-names.ts).
  maxDecorators: (params, translate) =>
    typeof params['count'] === 'number' && typeof params['limit'] === 'number'
      ? translate('gabarit.details.max_decorators', { count: params['count'], limit: params['limit'] })
      : undefined,
  // A name JavaScript objects keep for themselves (__proto__, constructor, prototype), such as a table's column.
  reservedName: (params, translate) =>
    typeof params['name'] === 'string'
      ? translate('gabarit.details.reserved_name', { name: params['name'] })
      : undefined,
  type: (params, translate) =>
    typeof params['type'] === 'string'
      ? translate('gabarit.details.type', {
          type: translate(`gabarit.details.types.${params['type']}`, { _: params['type'] }),
        })
      : undefined,
  // A reference-table cell that is not of its column's type (string, number, boolean or date).
  cellType: (params, translate) =>
    typeof params['type'] === 'string'
      ? translate(`gabarit.reference_tables.cell_errors.${params['type']}`)
      : undefined,
  // A path naming nothing of its kind (an unknown key or id), or something archived: `what` says which kind.
  notFound: (params, translate) => namedWording('not_found', NOT_FOUND_KINDS, params, translate),
  archived: (params, translate) => namedWording('archived', ARCHIVED_KINDS, params, translate),
  // A reference table's cell or CSV header naming no column, a key with spaces at its ends, a key given twice.
  unknownColumn: (_params, translate) => translate('gabarit.reference_tables.server_errors.unknown_column'),
  keySpaces: (_params, translate) => translate('gabarit.reference_tables.server_errors.key_spaces'),
  inexactNumber: (_params, translate) => translate('gabarit.reference_tables.server_errors.inexact_number'),
  ambiguousNumber: (_params, translate) => translate('gabarit.reference_tables.cell_errors.number_ambiguous'),
  repeatedKey: (params, translate) => repeatedKeyWording(params, translate),
  // A change of a table's columns: a column renamed twice, or columns that published rule sets read.
  renamedTwice: (params, translate) =>
    translate('gabarit.reference_tables.server_errors.renamed_twice', {
      column: params['column'],
      other: params['other'],
    }),
  readers: (params, translate) =>
    translate('gabarit.reference_tables.server_errors.read_by', { readers: params['readers'] }),
  // The API names twenty values at most, and counts them all (allowedCount) when there are more.
  enum: (params, translate) =>
    Array.isArray(params['allowedValues'])
      ? translate('gabarit.details.one_of', {
          values: [
            ...params['allowedValues'].map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
            ...(typeof params['allowedCount'] === 'number' ? [`… (${params['allowedCount']})`] : []),
          ].join(', '),
        })
      : undefined,
  // A pattern the schema describes is worded by what it expects (the regular expression means nothing to an analyst);
  // a description the console does not know keeps the API's whole English sentence (null), marked as English.
  pattern: (params, translate) => {
    const expected = params['expected'];
    if (typeof expected !== 'string') return undefined;
    const format = Object.hasOwn(PATTERN_FORMATS, expected) ? PATTERN_FORMATS[expected] : undefined;
    return format
      ? translate('gabarit.details.pattern', { expected: translate(`gabarit.details.formats.${format}`) })
      : null;
  },
  // A file a parser cannot read (DMN's XML, a CSV): the parser's own message is English, its place and kind are not.
  syntax: (params, translate) => syntaxWording(params, translate),
  // A part of a DMN file the import cannot convert: `reason` says which, the other params fill the sentence.
  dmn: (params, translate) => dmnReason(params, translate),
  // A template the API refuses (server: engine/template-safety.ts, template-errors.ts): `reason` says why.
  template: (params, translate) => templateWording(params, translate),
  // A CSV import refused as a whole (its header, its size): `reason` says why (server: reference-data/csv-reader.ts).
  csv: (params, translate) =>
    typeof params['reason'] === 'string' && (CSV_REASONS as readonly string[]).includes(params['reason'])
      ? translate(`gabarit.reference_tables.csv_reasons.${params['reason']}`, params)
      : undefined,
};

/** The kinds of thing a `notFound` or `archived` detail names (server: common/errors/domain-errors.ts NamedThing). */
export const NOT_FOUND_KINDS = [
  'rule_set',
  'prompt',
  'experiment',
  'decision',
  'user',
  'api_key',
  'review_request',
  'reference_table',
  'evaluation_set',
  'evaluation_run',
  'shadow_run',
  'version',
] as const;
export const ARCHIVED_KINDS = ['rule_set', 'prompt', 'experiment'] as const;

function namedWording(
  group: 'not_found' | 'archived',
  kinds: readonly string[],
  params: Record<string, unknown>,
  translate: Translate,
): string | undefined {
  const what = params['what'];
  return typeof what === 'string' && kinds.includes(what)
    ? translate(`gabarit.details.${group}.${what}`, { latest: params['latest'] })
    : undefined;
}

/** Why a CSV import is refused as a whole; other reasons keep the API's message. */
export const CSV_REASONS = [
  'duplicate_header',
  'empty_header',
  'too_many_columns',
  'too_many_rows',
  'line_too_long',
  'merge_too_many_rows',
  'missing_key_column',
  'no_rows',
] as const;

/**
 * The first place of a repeated key: a row of the rows sent (`row` is its index, shown from 1 as the grid numbers
 * its rows) or a line of a CSV file (`line`, as a spreadsheet numbers it).
 */
function repeatedKeyWording(params: Record<string, unknown>, translate: Translate): string | undefined {
  const { key, row, line } = params;
  if (typeof key !== 'string') return undefined;
  if (typeof line === 'number')
    return translate('gabarit.reference_tables.server_errors.repeated_key_line', { key, line });
  if (typeof row === 'number')
    return translate('gabarit.reference_tables.server_errors.repeated_key', { key, row: row + 1 });
  return undefined;
}
/** The kinds of mistake a `syntax` detail may name (gabarit.details.syntax.reasons). */
export const SYNTAX_REASONS = [
  'quote_not_closed',
  'after_closing_quote',
  'field_count',
  'declaration',
  'unclosed_tag',
  'unmatched_tag',
  'no_root',
  'unexpected_end',
  'duplicate_attribute',
  'unquoted_attribute',
  'not_definitions',
] as const;

function syntaxWording(params: Record<string, unknown>, translate: Translate): string {
  const { line, column, reason } = params;
  const known = typeof reason === 'string' && (SYNTAX_REASONS as readonly string[]).includes(reason);
  const what = translate(
    known ? `gabarit.details.syntax.reasons.${reason as string}` : 'gabarit.details.syntax.somewhere',
    params,
  );
  if (typeof line === 'number' && typeof column === 'number')
    return translate('gabarit.details.syntax.at', { line, column, what });
  // A CSV line is shown in its own column: the sentence says what is wrong on it.
  if (known || typeof line === 'number') return what.charAt(0).toUpperCase() + what.slice(1);
  return translate('gabarit.details.syntax.whole');
}

/** Why a template is refused (gabarit.details.template); `syntax` without a line keeps the API's message. */
export const TEMPLATE_REASONS = [
  'nesting',
  'tags',
  'explanation_tags',
  'syntax',
  'mismatch',
  'prototype',
  'helper',
  'block',
  'partial',
  'decorator',
  'undeclared',
  'not_a_list',
  'whole_root',
  'helper_member',
  'block_params',
  'missing_variable',
  'unwritable_value',
  'each_data',
  'block_arity',
  'helper_arity',
  'helper_arity_range',
  'truncate_length',
  'join_not_a_list',
  'join_objects',
  'writes_object',
  'helper_hash',
  'literal',
  'depth',
  'depth_by_value',
  'data',
] as const;

function templateWording(params: Record<string, unknown>, translate: Translate): string | null | undefined {
  const { reason } = params;
  if (typeof reason !== 'string' || !(TEMPLATE_REASONS as readonly string[]).includes(reason)) return undefined;
  if (reason !== 'syntax') return translate(`gabarit.details.template.${reason}`, params);
  if (typeof params['line'] !== 'number') return null; // an error Handlebars words in a way we do not know
  const token = (word: unknown) => translate(`gabarit.details.template.tokens.${String(word)}`);
  const expected = Array.isArray(params['expected']) ? params['expected'] : [];
  const sentence = translate(`gabarit.details.template.${params['before'] ? 'syntax' : 'syntax_at_start'}`, {
    ...params,
    found: token(params['found']),
  });
  if (expected.length === 0) return sentence;
  const list = expected.map(token).join(translate('gabarit.details.template.or'));
  return sentence + translate('gabarit.details.template.expected', { expected: list });
}

/** The DMN import's reasons the console words (gabarit.dmn.reasons); `other` keeps the API's message. */
export const DMN_REASONS = [
  'decisions',
  'aggregation',
  'hit_policy',
  'input_expression',
  'input_count',
  'output_count',
  'event_type',
  'event_params',
  'content',
  'expected',
  'escape',
  'unclosed_string',
  'too_deep',
  'inexact_number',
  'not_literal',
  'expected_name',
  'only_literal',
  'range',
  'range_numbers',
  'number_only',
  'list_not_test',
  'unexpected_text',
  'or_list',
  'too_many_rules',
  'too_many_inputs',
  'reserved_key',
  'text_too_long',
  'lone_surrogate',
  'duplicate_output',
] as const;

function dmnReason(params: Record<string, unknown>, translate: Translate): string | undefined {
  const reason = params['reason'];
  if (typeof reason !== 'string' || !(DMN_REASONS as readonly string[]).includes(reason)) return undefined;
  const worded = translate(`gabarit.dmn.reasons.${reason}`, params);
  // An output cell read as a literal value: FEEL's syntax error, and that only literal values convert.
  return params['literalOnly'] === true ? `${worded}${translate('gabarit.dmn.reasons.literal_only_suffix')}` : worded;
}

/** The rest of JSON Schema's keywords, worded by ajv-i18n in each of the console's languages. */
const LOCALIZERS: Record<string, (errors: ErrorObject[]) => void> = { fr: localizeFr, en: localizeEn };
// ajv-i18n words any other keyword as "must pass the x keyword": the API's own message says more.
const LOCALIZED_KEYWORDS = new Set(
  (
    'additionalItems items anyOf const contains dependencies dependentRequired discriminator false format ' +
    'formatMaximum formatMinimum formatExclusiveMaximum formatExclusiveMinimum if maximum minimum ' +
    'exclusiveMaximum exclusiveMinimum maxItems minItems maxLength minLength maxProperties minProperties ' +
    'multipleOf not oneOf patternRequired propertyNames unevaluatedItems unevaluatedProperties uniqueItems ' +
    'required type enum pattern additionalProperties'
  )
    .split(' ')
    .filter(Boolean),
);

/**
 * An API detail in the console's language, from its keyword and parameters. A detail without a keyword, or
 * with one no wording knows, keeps the API's own message.
 */
export function wordDetail(detail: ApiDetail, translate: Translate, locale: string): string {
  const worded = wordOnly(detail, translate, locale);
  // A value refused by a change of a table's columns: which row holds it (the API's message names it too).
  const rowKey = detail.params?.['rowKey'];
  return typeof rowKey === 'string' && detail.keyword
    ? translate('gabarit.reference_tables.definition.in_row', { key: rowKey, problem: worded })
    : worded;
}

function wordOnly(detail: ApiDetail, translate: Translate, locale: string): string {
  const { keyword, params = {} } = detail;
  if (!keyword) return detail.message;
  const own = Object.hasOwn(OWN_WORDING, keyword)
    ? OWN_WORDING[keyword]!(params, translate)
    : boundWording(keyword, params, translate);
  if (own === null) return detail.message;
  if (own !== undefined) return own;
  const localize = LOCALIZERS[locale];
  if (!localize || !LOCALIZED_KEYWORDS.has(keyword)) return detail.message;
  const error = { keyword, params, instancePath: '', schemaPath: '', message: detail.message } as ErrorObject;
  localize([error]);
  return error.message ?? detail.message;
}
