import type { ApiErrorDetail } from '../api/types';
import { TRANSLATED_ERRORS } from './error-codes';

export { TRANSLATED_ERRORS };
/** The §7 error body every API error carries: a code, a human message, and problems with their JSON Pointer. */
export interface Problem {
  status?: number;
  error: string;
  message: string;
  details: ShownDetail[];
}

/** A detail as the console shows it: `lang` is `en` when no wording in the console's language knew it (httpClient). */
export type ShownDetail = ApiErrorDetail & { lang?: 'en' };

/** Reads whatever a failed call threw (react-admin HttpError with its body, or a plain Error) as a Problem. */
export function toProblem(err: unknown): Problem {
  const status = (err as { status?: number }).status;
  const body = (err as { body?: unknown }).body;
  if (body && typeof body === 'object' && typeof (body as Problem).error === 'string') {
    const { error, message, details } = body as Problem;
    return { status, error, message, details: Array.isArray(details) ? details : [] };
  }
  return { status, error: 'unknown', message: err instanceof Error ? err.message : String(err), details: [] };
}

/** The headline of a problem in the console's language when we know its code. */
export function problemHeadline(problem: Problem, translate: (key: string, options?: object) => string): string {
  if (!(TRANSLATED_ERRORS as readonly string[]).includes(problem.error)) return problem.message;
  // What the API names in a detail's parameters (the experiment holding a prompt) is said in the headline too.
  const named = problem.details?.find((d) => d.params && Object.keys(d.params).length > 0)?.params;
  const specific = `gabarit.errors.${problem.error}_named`;
  return named && translate(specific, { _: '' }) !== ''
    ? translate(specific, { ...named, _: problem.message })
    : translate(`gabarit.errors.${problem.error}`, { _: problem.message });
}

/**
 * The problems under one part of the request, keyed by the rest of their path, so an editor can put each
 * message on its field: detailsUnder(p, '/definition') turns '/definition/rules/0/name' into '/rules/0/name'.
 */
export function detailsUnder(problem: Problem | undefined, prefix: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const detail of problem?.details ?? []) {
    if (detail.path !== prefix && !detail.path.startsWith(`${prefix}/`)) continue;
    const rest = detail.path.slice(prefix.length) || '/';
    found.set(rest, [...(found.get(rest) ?? []), detail.message]);
  }
  return found;
}

/**
 * The API's problems grouped by the form field they belong to (the first segment of their path); a problem deeper
 * in the field names its place: '/variablesSchema/type' → variablesSchema: '/type : must be "object"' (in French).
 */
export function detailsByField(problem: Problem | undefined, translate: PlaceTranslate): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { path, message } of problem?.details ?? []) {
    const [, field = '', ...rest] = path.split('/');
    const text = rest.length > 0 ? atPlace(translate, `/${rest.join('/')}`, message) : message;
    found.set(field, [...(found.get(field) ?? []), text]);
  }
  return found;
}

/** The same, one text per field, as a react-admin form's onSubmit returns its errors. */
export function formErrors(problem: Problem, translate: PlaceTranslate): Record<string, string> {
  return Object.fromEntries(
    [...detailsByField(problem, translate)].map(([field, messages]) => [field, messages.join(' · ')]),
  );
}

type PlaceTranslate = (key: string, options?: object) => string;

/**
 * A problem after the place it is at (« /type : … » in French, "/type: …" in English): written by hand as « : »,
 * English had French spacing and French an ordinary space the line could break at (a console review).
 */
export function atPlace(translate: PlaceTranslate, place: string, problem: string): string {
  return translate('gabarit.at_place', { place, problem });
}

/**
 * What a form says when the API refuses it: each problem on the form's field it names (`fieldErrors`, as a
 * react-admin onSubmit returns them), and a notice with the headline and any problem of no field of the form.
 */
export function formRefusal(
  problem: Problem,
  fields: readonly string[],
  translate: (key: string, options?: object) => string,
  byField: Record<string, string> = formErrors(problem, translate),
): { notice: string; fieldErrors: Record<string, string> } {
  const elsewhere = Object.entries(formErrors(problem, translate)).filter(([field]) => !fields.includes(field));
  const notice = [
    problemHeadline(problem, translate),
    ...elsewhere.map(([field, message]) => translate('gabarit.details.at_field', { field, message })),
  ].join(' ');
  return { notice, fieldErrors: Object.fromEntries(Object.entries(byField).filter(([f]) => fields.includes(f))) };
}
