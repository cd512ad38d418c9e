import type { RequestOf } from '../api/types';
import { parseJsonObject } from './variables';

type PromptDraft = RequestOf<'/api/v1/prompts/{key}/draft', 'put'>;

/** What a prompt version holds (GET /prompts/{key}/versions/{n} → content): a draft's fields, the required ones set. */
export type PromptContent = Required<
  Pick<PromptDraft, 'locale' | 'template' | 'model' | 'maxTokens' | 'variablesSchema'>
> &
  Pick<PromptDraft, 'system' | 'stopSequences' | 'tests'>;

/** The draft editor's fields, as typed (numbers and JSON stay text until saved). */
export interface DraftForm {
  template: string;
  system: string;
  model: string;
  maxTokens: string;
  locale: 'fr' | 'en';
  variablesSchema: string;
  /** One stop sequence per line. */
  stopSequences: string;
  /** The offline test cases, as a JSON array. */
  tests: string;
}
export type DraftField = keyof DraftForm;
export const DRAFT_FIELDS: DraftField[] = [
  'template',
  'system',
  'model',
  'maxTokens',
  'locale',
  'variablesSchema',
  'stopSequences',
  'tests',
];
// Test cases do not change what a preview renders, and the preview endpoint does not take them.
const PREVIEW_FIELDS = DRAFT_FIELDS.filter((field) => field !== 'tests');

export function toForm(content: PromptContent): DraftForm {
  return {
    template: content.template,
    system: content.system ?? '',
    model: content.model,
    maxTokens: String(content.maxTokens),
    locale: content.locale,
    variablesSchema: JSON.stringify(content.variablesSchema, null, 2),
    stopSequences: (content.stopSequences ?? []).join('\n'),
    tests: JSON.stringify(content.tests ?? [], null, 2),
  };
}

function parseTests(text: string): { value: unknown[] } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? { value } : { error: 'gabarit.prompts.not_array' };
  } catch {
    return { error: 'gabarit.prompts.invalid_json' };
  }
}

export function changedFields(form: DraftForm, initial: DraftForm): DraftField[] {
  return DRAFT_FIELDS.filter((field) => form[field] !== initial[field]);
}

/** The typed value of each field, or the i18n key of why it cannot be sent. */
function fieldValue(form: DraftForm, field: DraftField): { value: unknown } | { error: string } {
  if (field === 'maxTokens')
    return /^\s*\d+\s*$/.test(form.maxTokens)
      ? { value: Number(form.maxTokens) }
      : { error: 'gabarit.prompts.invalid_integer' };
  if (field === 'variablesSchema') return parseJsonObject(form.variablesSchema);
  if (field === 'stopSequences') return { value: form.stopSequences.split('\n').filter((line) => line.length > 0) };
  if (field === 'tests') return parseTests(form.tests);
  return { value: form[field] };
}

/**
 * The PUT /draft body: only the fields changed since the draft was read, so the audit trail and a concurrent
 * editor's work on other fields are respected; or the problems found before sending, by field.
 */
export function draftPayload(
  form: DraftForm,
  initial: DraftForm,
): { payload: Record<string, unknown> } | { errors: Partial<Record<DraftField, string>> } {
  const payload: Record<string, unknown> = {};
  const errors: Partial<Record<DraftField, string>> = {};
  for (const field of changedFields(form, initial)) {
    const parsed = fieldValue(form, field);
    if ('error' in parsed) errors[field] = parsed.error;
    else payload[field] = parsed.value;
  }
  return Object.keys(errors).length > 0 ? { errors } : { payload };
}

/** The live preview body: every field that can be read (a half-typed schema or number is left to the saved one). */
export function previewContent(form: DraftForm): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const field of PREVIEW_FIELDS) {
    const parsed = fieldValue(form, field);
    if ('value' in parsed) content[field] = parsed.value;
  }
  return content;
}
