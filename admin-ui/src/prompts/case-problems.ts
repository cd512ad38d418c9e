import type { ResponseOf } from '../api/types';
import { wordDetail } from '../common/detail-wording';

type TestCase = ResponseOf<'/api/v1/prompts/{key}/versions/{n}/test', 'post'>['cases'][number];
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * What a test case found wrong, in the console's language (the API's `failures` are English), counts in the
 * locale's digits. An error is said by its problems, each at its place (« /variables/locale : … »), else by its
 * code as the console says it elsewhere, else by its message.
 */
export function caseProblemWords(testCase: TestCase, translate: Translate, locale: string): string[] {
  if (!testCase.problems) return testCase.failures; // an answer from a service older than the problems
  const count = new Intl.NumberFormat(locale);
  return testCase.problems.map(({ kind, ...args }) => {
    if (kind !== 'error')
      return translate(`gabarit.prompts.case_problems.${kind}`, {
        ...args,
        ...(args.length !== undefined && { length: count.format(args.length) }),
        ...(args.max !== undefined && { max: count.format(args.max) }),
      });
    const reason = args.details?.length
      ? args.details
          .map((d) => `${d.path}${locale === 'fr' ? '\u00a0: ' : ': '}${wordDetail(d, translate, locale)}`)
          .join(translate('gabarit.prompts.case_problems.separator'))
      : translate(`gabarit.errors.${args.code}`, { _: args.message ?? args.code });
    return translate('gabarit.prompts.case_problems.error', { reason });
  });
}
