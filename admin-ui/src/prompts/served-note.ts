import type { ResponseOf } from '../api/types';

export type ServedVersion = ResponseOf<'/api/v1/prompts/{key}/experiments', 'get'>[number];

/**
 * What a version's status alone does not say: that a running experiment still serves it, as its control, as a
 * variant, or to everyone after stopping on its control. Undefined when none does.
 */
export function servedNote(
  served: readonly ServedVersion[],
  version: number,
  translate: (key: string, options?: object) => string,
): string | undefined {
  const serving = served.filter((s) => s.version === version);
  if (serving.length === 0) return undefined;
  const kind = (s: ServedVersion) => (s.fallback ? 'served_fallback' : s.control ? 'served_control' : 'served_variant');
  return serving
    .map((s) => translate(`gabarit.prompts.${kind(s)}`, { experiment: s.experiment, variant: s.variant }))
    .join(' · ');
}
