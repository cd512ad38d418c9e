import type { RequestOf } from '../api/types';
import { detailsUnder, type Problem } from '../common/api-error';
import { may } from '../layout/access';

/** What the create and edit forms hold: coverage as a percentage, as people think of it. */
export interface ExperimentFormValues {
  key?: string;
  name?: string;
  prompt?: string;
  variants?: { name?: string; version?: number | string | null; weight?: number | string | null }[];
  coverage?: number | string | null;
}

type ExperimentDraft = RequestOf<'/api/v1/experiments/{key}/draft', 'put'>;

/** A version's content as GET /api/v1/experiments/{key}/versions/{n} returns it: the draft's fields, and what the service sets. */
export type ExperimentContent = Required<Pick<ExperimentDraft, 'variants' | 'coverage'>> &
  Pick<ExperimentDraft, 'guardrails'> & { prompt: string; salt?: string };

export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const VARIANT_NAME_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

const number = (value: unknown) => (value === '' || value === null || value === undefined ? NaN : Number(value));
// Percentages with more than 4 decimals are noise from floating point (33.333333 %), not intent.
const fraction = (percent: unknown) => Math.round(number(percent) * 100) / 10_000;

function variantsOf(values: ExperimentFormValues) {
  return (values.variants ?? []).map((v) => ({
    name: (v.name ?? '').trim(),
    version: number(v.version),
    weight: number(v.weight),
  }));
}

/** The POST /api/v1/experiments body; the API reports anything still wrong with its path. */
export function toCreateRequest(values: ExperimentFormValues) {
  return {
    key: (values.key ?? '').trim(),
    name: (values.name ?? '').trim(),
    prompt: values.prompt ?? '',
    variants: variantsOf(values),
    coverage: fraction(values.coverage),
  };
}

/** The PUT /api/v1/experiments/{key}/draft body: only what a draft may change. */
export function toDraftRequest(values: ExperimentFormValues) {
  return { variants: variantsOf(values), coverage: fraction(values.coverage) };
}

/** The form's values for a version's content. */
export function fromContent(content: ExperimentContent): ExperimentFormValues {
  return {
    prompt: content.prompt,
    variants: content.variants.map((v) => ({ ...v })),
    coverage: Math.round(content.coverage * 10_000) / 100,
  };
}

const FIELDS = new Set(['/key', '/name', '/prompt', '/coverage', '/variants']);
const VARIANT_FIELD = /^\/variants\/(\d+)\/(name|version|weight)$/;

/**
 * Puts each API problem on its form field (react-hook-form names such as `variants.1.version`); the rest, such
 * as a problem with the whole body, stays for the alert above the form.
 */
export function fieldErrors(problem: Problem): { fields: Record<string, string>; rest: Problem['details'] } {
  const fields: Record<string, string> = {};
  const rest: Problem['details'] = [];
  for (const [path, messages] of detailsUnder(problem, '')) {
    const variant = VARIANT_FIELD.exec(path);
    if (variant) fields[`variants.${variant[1]}.${variant[2]}`] = messages.join(' ; ');
    else if (FIELDS.has(path)) fields[path.slice(1)] = messages.join(' ; ');
    else rest.push(...messages.map((message) => ({ path, message })));
  }
  return { fields, rest };
}

/** Choices for a variant's version: the prompt's published versions (in force or retired), newest first. */
export function publishedVersionChoices(
  versions: readonly { number: number; status: string }[],
): { id: number; status: string }[] {
  return versions
    .filter((v) => v.status === 'published' || v.status === 'retired')
    .map((v) => ({ id: v.number, status: v.status }))
    .sort((a, b) => b.id - a.id);
}

export type ExperimentPhase = 'not_started' | 'scheduled' | 'running' | 'stopped';

/** Where an experiment stands: publishing a version starts it, archiving stops it for good. */
export function experimentPhase(record: {
  archived?: boolean;
  activeVersion: number | null;
  scheduled?: unknown[];
}): ExperimentPhase {
  if (record.archived) return 'stopped';
  if (record.activeVersion !== null) return 'running';
  return record.scheduled && record.scheduled.length > 0 ? 'scheduled' : 'not_started';
}

/**
 * What the signed-in user may do to the experiment itself, as the API allows. Stopping is offered while it runs
 * or is scheduled: on one that never started, « Arrêter » archived it for good without anything to stop.
 */
export function experimentActions(
  record: { archived?: boolean; activeVersion: number | null; scheduled?: unknown[] },
  roles: readonly string[],
): { edit: boolean; stop: boolean } {
  const phase = experimentPhase(record);
  return {
    edit: !record.archived && may('writeDrafts', roles),
    stop: (phase === 'running' || phase === 'scheduled') && may('stopExperiment', roles),
  };
}

/** `/variants/1/weight` reads « Variante 2 › Poids »; a field without words keeps its name. */
export function fieldWords(path: string, translate: (key: string, options?: object) => string): string {
  const parts = path.split('/').slice(1);
  const words: string[] = [];
  parts.forEach((part, i) => {
    if (part === 'variants' && /^\d+$/.test(parts[i + 1] ?? '')) return; // « Variante 2 » says it
    words.push(
      /^\d+$/.test(part) && parts[i - 1] === 'variants'
        ? translate('gabarit.experiments.changes.variant', { n: Number(part) + 1 })
        : translate(`gabarit.experiments.changes.fields.${part}`, { _: part }),
    );
  });
  return words.join(' › ');
}
