import type { ErrorDetail } from '../../common/errors/domain-errors.js';
import type { PromptTest } from './prompt.types.js';

/**
 * What a prompt test case found wrong, as data the console words in its language (`failures` keeps the same in
 * English for API clients): a text the output lacks or holds, an output too long, a case that could not run (the
 * prompt did not render, the model did not answer: its error code), an answer not checked because the run's model checks ran out of time.
 */
export type CaseProblem =
  | { kind: 'missing' | 'present'; text: string }
  | { kind: 'too_long'; length: number; max: number }
  | { kind: 'error'; code: string; message: string; details?: ErrorDetail[] }
  | { kind: 'not_checked'; seconds: number };

/** The checks of a case's `expect` on the text it produced (the rendered prompt, or the model's answer). */
export function textProblems(text: string, expect: PromptTest['expect']): CaseProblem[] {
  const problems: CaseProblem[] = [];
  for (const needle of expect.contains ?? [])
    if (!text.includes(needle)) problems.push({ kind: 'missing', text: needle });
  for (const needle of expect.notContains ?? [])
    if (text.includes(needle)) problems.push({ kind: 'present', text: needle });
  if (expect.maxLength !== undefined && text.length > expect.maxLength)
    problems.push({ kind: 'too_long', length: text.length, max: expect.maxLength });
  return problems;
}

/** A problem as the API's English `failures` always said it. */
export function failureText(problem: CaseProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `does not contain "${problem.text}"`;
    case 'present':
      return `contains "${problem.text}"`;
    case 'too_long':
      return `is ${problem.length} characters, more than ${problem.max}`;
    case 'error':
      return [problem.message, ...(problem.details ?? []).map((d) => `${d.path}: ${d.message}`)].join(' ');
    case 'not_checked':
      return `not checked: the run's checks of the model's answers took more than ${problem.seconds} s; run the tests again`;
  }
}
