import { useDataProvider, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { formRefusal, toProblem, type Problem } from './api-error';

interface CreateSubmitOptions {
  /** The form's fields: a problem on one of them is shown on it, any other in the notification. */
  fields: readonly string[];
  transform?: (values: Record<string, unknown>) => Record<string, unknown>;
  onCreated: (created: RaRecord) => void;
  /** A form's own wording of a problem's messages, by field (a scope's line); `formErrors` otherwise. */
  errorsOf?: (problem: Problem, values: Record<string, unknown>) => Record<string, string>;
}

/**
 * What a form's onSubmit returns when the API refused its save: the headline, worded from the error's code, in a
 * notification (with the problems on no field of the form), and each problem on its field (`fields`), in the
 * console's language, where react-admin's default save would show the API's English message alone.
 */
export function useRefusalOnFields(
  fields: readonly string[],
): (err: unknown, byField?: (problem: Problem) => Record<string, string>) => Record<string, string> {
  const notify = useNotify();
  const translate = useTranslate();
  return (err, byField) => {
    const problem = toProblem(err);
    const { notice, fieldErrors } = formRefusal(problem, fields, translate, byField?.(problem));
    // Already in words: `_` keeps react-admin from looking the sentence up as a message key.
    notify(notice, { type: 'error', messageArgs: { _: notice } });
    return fieldErrors;
  };
}

/** A create form's onSubmit that says what the API refused in the console's language (useRefusalOnFields). */
export function useCreateSubmit(resource: string, options: CreateSubmitOptions) {
  const dataProvider = useDataProvider();
  const refused = useRefusalOnFields(options.fields);
  return async (values: Record<string, unknown>) => {
    const data = options.transform ? options.transform(values) : values;
    try {
      const { data: created } = await dataProvider.create(resource, { data });
      options.onCreated(created);
      return undefined;
    } catch (err) {
      return refused(err, options.errorsOf && ((problem) => options.errorsOf!(problem, values)));
    }
  };
}
