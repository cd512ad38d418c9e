import type { ResponseOf } from '../api/types';

type TestCase = ResponseOf<'/api/v1/prompts/{key}/versions/{n}/test', 'post'>['cases'][number];
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * What a test case found wrong, in the console's language (the API's `failures` are English). An error is said by
 * its code as the console says it elsewhere, its message where the console has no words for it.
 */
export function caseProblemWords(testCase: TestCase, translate: Translate): string[] {
  if (!testCase.problems) return testCase.failures; // an answer from a service older than the problems
  return testCase.problems.map(({ kind, ...args }) =>
    kind === 'error'
      ? translate('gabarit.prompts.case_problems.error', {
          reason: translate(`gabarit.errors.${args.code}`, { _: args.message ?? args.code }),
        })
      : translate(`gabarit.prompts.case_problems.${kind}`, args),
  );
}
